import { config } from "../config";
import type { Db } from "../db";
import { serializeEvent } from "../events/events";
import { unixSeconds } from "../objects";
import type { WebhookAttempt } from "../contract/webhooks";
import { webhookAttempts } from "../metrics";
import { attemptLogOf } from "./endpoints";
import { sendWebhook } from "./send";
import { signingSecrets } from "./signature";

export const MAX_DELIVERY_ATTEMPTS = 8;
/** Longer than one attempt can take (config checks): a claim held by a process that died is taken over after this. */
export const DELIVERY_LOCK_MS = config.WEBHOOK_CLAIM_MS;

/** Wait before the attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

const due = (now: Date) => ({ status: "pending", OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] });

/** Deliveries not yet made, due now or waiting for a retry: the queue's depth (in the metrics). */
export function webhookQueueDepth(db: Db): Promise<number> {
  return db.webhookDelivery.count({ where: { status: "pending" } });
}

/**
 * Claims the deliveries that are due and attempts each once. A claim is a conditional update (status pending and
 * not locked, or the lock expired), so two processes never attempt the same delivery at once; a process that dies
 * mid-attempt leaves a lock that expires, and the delivery is attempted again. `now` drives scheduling only: the
 * signature's timestamp is always the real clock.
 */
export async function deliverDueWebhooks(db: Db, now = new Date(), options: { limit?: number } = {}) {
  const candidates = await db.webhookDelivery.findMany({
    where: { ...due(now), nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true },
  });
  const lockedUntil = new Date(now.getTime() + DELIVERY_LOCK_MS);
  const claimed: string[] = [];
  for (const { id } of candidates) {
    const { count } = await db.webhookDelivery.updateMany({ where: { id, ...due(now) }, data: { lockedUntil } });
    if (count === 1) claimed.push(id);
  }
  const outcomes = await Promise.all(claimed.map((id) => attemptDelivery(db, id, lockedUntil, now)));
  return { attempted: outcomes.length, succeeded: outcomes.filter((status) => status === "succeeded").length };
}

async function attemptDelivery(db: Db, id: string, lockedUntil: Date, now: Date): Promise<string> {
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id },
    include: { endpoint: true, event: true },
  });
  const { endpoint } = delivery;
  if (endpoint.status !== "enabled") {
    await db.webhookDelivery.updateMany({
      where: { id, lockedUntil },
      data: { status: "failed", lastError: "endpoint_disabled", lockedUntil: null, nextAttemptAt: null },
    });
    webhookAttempts.endpoint_disabled.inc();
    return "failed";
  }
  // sendWebhook checks the URL again (the host may resolve elsewhere now) and refuses at connect time too.
  const result = await sendWebhook({
    url: endpoint.url,
    secret: signingSecrets(endpoint, new Date()),
    body: JSON.stringify(serializeEvent(delivery.event)),
    headers: { "Webhook-Id": delivery.eventId },
  });

  const attempts = delivery.attempts + 1;
  const { error } = result;
  const status = error === null ? "succeeded" : attempts >= MAX_DELIVERY_ATTEMPTS ? "failed" : "pending";
  const entry: WebhookAttempt = {
    at: unixSeconds(now),
    status_code: result.statusCode,
    error,
    duration_ms: result.durationMs,
  };
  await db.webhookDelivery.updateMany({
    where: { id, lockedUntil },
    data: {
      status,
      attempts,
      lastAttemptAt: now,
      lastStatusCode: result.statusCode,
      lastError: error,
      attemptLog: [...attemptLogOf(delivery.attemptLog), entry].slice(-MAX_DELIVERY_ATTEMPTS),
      nextAttemptAt: status === "pending" ? new Date(now.getTime() + retryDelayMs(attempts)) : null,
      lockedUntil: null,
    },
  });
  webhookAttempts[status === "succeeded" ? "succeeded" : status === "pending" ? "will_retry" : "gave_up"].inc();
  return status;
}
