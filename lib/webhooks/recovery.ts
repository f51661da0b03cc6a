import type { Context } from "../context";
import { ApiError, invalidRequest, notFound } from "../http/errors";
import { recordEvent } from "../events/record";
import { unixSeconds, type ObjectScope } from "../objects";
import {
  MAX_RETRY_WINDOW_SECONDS,
  type CreatedWebhookEndpoint,
  type RetryFailedWebhooksInput,
  type RotateWebhookSecretInput,
  type WebhookDelivery,
  type WebhookRetryResult,
} from "../contract/webhooks";
import { findWebhookEndpoint, newWebhookSecret, serializeWebhookDelivery, serializeWebhookEndpoint } from "./endpoints";

// Recovering from a receiver's trouble: a new signing secret with an overlap, and deliveries queued again.

/** Not claimed by a worker now (a claim that outlived its process has expired). */
const unclaimed = (now: Date) => ({ OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] });
/** Due at once, for the next worker tick. */
const requeued = (now: Date) => ({ status: "pending", nextAttemptAt: now, lockedUntil: null });

/** A new secret; the old one keeps signing (a second `v1=`) for `expires_in` seconds, none when 0. */
export async function rotateWebhookSecret(
  ctx: Context,
  { owner, id, rotation }: { owner: ObjectScope; id: string; rotation: RotateWebhookSecretInput },
): Promise<CreatedWebhookEndpoint> {
  const secret = newWebhookSecret();
  const now = ctx.now();
  return ctx.db.$transaction(async (tx) => {
    const current = await findWebhookEndpoint(tx, owner, id);
    const overlap = rotation.expires_in > 0;
    const row = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        secret,
        previousSecret: overlap ? current.secret : null,
        previousSecretExpiresAt: overlap ? new Date(now.getTime() + rotation.expires_in * 1000) : null,
      },
    });
    const endpoint = serializeWebhookEndpoint(row);
    await recordEvent(tx, { owner, type: "webhook_endpoint.updated", object: endpoint, requestId: ctx.requestId });
    return { ...endpoint, secret };
  });
}

/** Every delivery of the endpoint created since `since` whose last attempt failed, due again now. */
export async function retryFailedWebhookDeliveries(
  ctx: Context,
  { owner, id, retry }: { owner: ObjectScope; id: string; retry: RetryFailedWebhooksInput },
): Promise<WebhookRetryResult> {
  const now = ctx.now();
  const oldest = unixSeconds(now) - MAX_RETRY_WINDOW_SECONDS;
  if (retry.since < oldest || retry.since > unixSeconds(now))
    throw invalidRequest(
      "since_out_of_range",
      "Invalid since: it must be a time in the last 30 days (unix seconds), not in the future.",
      "since",
    );
  await findWebhookEndpoint(ctx.db, owner, id);
  const { count } = await ctx.db.webhookDelivery.updateMany({
    where: {
      endpointId: id,
      createdAt: { gte: new Date(retry.since * 1000) },
      AND: [unclaimed(now), { OR: [{ status: "failed" }, { status: "pending", attempts: { gt: 0 } }] }],
    },
    data: requeued(now),
  });
  return { object: "webhook_retry", endpoint: id, since: retry.since, requeued: count };
}

/** One delivery, due again now; 409 while a worker holds it (an attempt is in flight). */
export async function resendWebhookDelivery(
  ctx: Context,
  { owner, id, deliveryId }: { owner: ObjectScope; id: string; deliveryId: string },
): Promise<WebhookDelivery> {
  const now = ctx.now();
  await findWebhookEndpoint(ctx.db, owner, id);
  const exists = await ctx.db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: id } });
  if (!exists) throw notFound("webhook delivery", deliveryId);
  const { count } = await ctx.db.webhookDelivery.updateMany({
    where: { id: deliveryId, endpointId: id, ...unclaimed(now) },
    data: requeued(now),
  });
  if (count === 0)
    throw new ApiError(
      409,
      "invalid_request",
      "delivery_in_progress",
      "This delivery is being attempted right now. Wait for the attempt to finish, then resend it.",
    );
  const row = await ctx.db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    include: { event: { select: { type: true } } },
  });
  return serializeWebhookDelivery(row);
}
