import { config } from "../config";
import type { Db } from "../db";
import { purgeExpiredIdempotencyRecords } from "../api/idempotency";
import { log } from "../log";
import { removeExpiredSandboxes } from "../unclaimed";

/** The periodic clean-up: expired unclaimed keys' sandbox objects, and idempotency records past 24 hours. */
export async function runMaintenance(db: Db, now = new Date()) {
  const sandboxes = await removeExpiredSandboxes(db, now);
  const { count: idempotencyRecords } = await purgeExpiredIdempotencyRecords(db, now);
  return { sandboxes, idempotencyRecords };
}

/** Runs the clean-up now and then every MAINTENANCE_INTERVAL_MS (default one hour); the timer never keeps the process alive. */
export function startMaintenance(db: Db, intervalMs = config.MAINTENANCE_INTERVAL_MS): () => void {
  const run = () =>
    runMaintenance(db).then(
      (done) => {
        if (done.sandboxes > 0 || done.idempotencyRecords > 0) log.info("maintenance.done", done);
      },
      (error: Error) => log.warn("maintenance.failed", { message: error.message }),
    );
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
