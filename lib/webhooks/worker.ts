import { config } from "../config";
import { db } from "../db";
import { log } from "../log";
import { expireDueCheckoutSessions } from "../payments/checkout-sessions";
import { deliverDueWebhooks } from "./deliver";

/**
 * Every WEBHOOK_WORKER_INTERVAL_MS (default 2 s): delivers due webhooks and expires checkout sessions past their
 * expiry. The timer is unref'd (it never keeps the process alive) and a tick never overlaps the previous one. The
 * returned stop ends the timer and resolves once the tick in progress, if any, has recorded its attempts (each is
 * bounded by WEBHOOK_TIMEOUT_MS), so a graceful shutdown leaves no delivery claimed and unrecorded.
 */
export function startDeliveryWorker(intervalMs = config.WEBHOOK_WORKER_INTERVAL_MS): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => (running ??= work().finally(() => (running = undefined)));
  const work = async () => {
    try {
      const deliveries = await deliverDueWebhooks(db);
      const expired = await expireDueCheckoutSessions(db);
      if (deliveries.attempted > 0 || expired > 0)
        log.info("worker.tick", {
          attempted: deliveries.attempted,
          succeeded: deliveries.succeeded,
          expiredSessions: expired,
        });
    } catch (error) {
      log.error("worker.tick_failed", { message: (error as Error).message });
    }
  };
  const timer = setInterval(() => void tick(), Math.max(100, intervalMs || 2000));
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
