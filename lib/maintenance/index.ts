import { config } from "../config";
import type { Context } from "../context";
import { purgeExpiredIdempotencyRecords } from "../http/idempotency";
import { removeExpiredSandboxes } from "../keys/unclaimed";
import { log } from "../log";
import { pruneRequestLog } from "../request-log";

/**
 * The periodic clean-up: expired unclaimed keys' sandbox objects, idempotency records past 24 hours, and the request
 * log's rows past REQUEST_LOG_RETENTION_DAYS (in bounded chunks).
 */
export async function runMaintenance(ctx: Context, retentionDays = config.REQUEST_LOG_RETENTION_DAYS) {
  const sandboxes = await removeExpiredSandboxes(ctx);
  const { count: idempotencyRecords } = await purgeExpiredIdempotencyRecords(ctx.db, ctx.now());
  const requestLogs = await pruneRequestLog(ctx, { retentionDays });
  return { sandboxes, idempotencyRecords, requestLogs };
}

/** Runs the clean-up now and then every MAINTENANCE_INTERVAL_MS (default one hour); the timer never keeps the process alive. */
export function startMaintenance(ctx: Context, intervalMs = config.MAINTENANCE_INTERVAL_MS): () => void {
  const run = () =>
    runMaintenance(ctx).then(
      (done) => {
        if (done.sandboxes > 0 || done.idempotencyRecords > 0 || done.requestLogs > 0)
          log.info("maintenance.done", done);
      },
      (error: Error) => log.warn("maintenance.failed", { message: error.message }),
    );
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
