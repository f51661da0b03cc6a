import type { Context } from "../context";
import type { Db } from "../db";
import { invalidRequest } from "../http/errors";
import { newObjectId } from "../ids";
import { randomBase62 } from "../ids/base62";
import { createOwnedObject, recordEvent } from "../events/record";
import { ownedFields, ownedObjects, toList, unixSeconds, type ObjectScope } from "../objects";
import {
  webhookEndpointCollection,
  type CreatedWebhookEndpoint,
  type CreateWebhookEndpointInput,
  type DeletedWebhookEndpoint,
  type UpdateWebhookEndpointInput,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryListQuery,
  type WebhookEndpoint,
  type WebhookTestResult,
} from "../contract/webhooks";
import { checkWebhookUrl } from "./address";
import { sendWebhook } from "./send";
import { signingSecrets } from "./signature";

type Row = Awaited<ReturnType<Db["webhookEndpoint"]["findUniqueOrThrow"]>>;
type DeliveryRow = Awaited<ReturnType<Db["webhookDelivery"]["findUniqueOrThrow"]>> & { event: { type: string } };

export function newWebhookSecret(): string {
  return `whsec_${randomBase62(32)}`;
}

/** Never includes the secret: only the create response carries it. */
export function serializeWebhookEndpoint(row: Row): WebhookEndpoint {
  return {
    ...ownedFields("webhook_endpoint", row),
    url: row.url,
    enabled_events: Array.isArray(row.enabledEvents)
      ? row.enabledEvents.filter((type): type is string => typeof type === "string")
      : [],
    status: row.status === "disabled" ? "disabled" : "enabled",
    description: row.description,
    previous_secret_expires_at:
      row.previousSecret !== null && row.previousSecretExpiresAt !== null
        ? unixSeconds(row.previousSecretExpiresAt)
        : null,
  };
}

const webhookEndpoints = ownedObjects({
  collection: webhookEndpointCollection,
  model: (db) => db.webhookEndpoint,
  serialize: serializeWebhookEndpoint,
});
export const {
  list: listWebhookEndpoints,
  retrieve: retrieveWebhookEndpoint,
  find: findWebhookEndpoint,
} = webhookEndpoints;

export function attemptLogOf(value: unknown): WebhookAttempt[] {
  return Array.isArray(value) ? (value as WebhookAttempt[]) : [];
}

export function serializeWebhookDelivery(row: DeliveryRow): WebhookDelivery {
  const at = (date: Date | null) => (date ? unixSeconds(date) : null);
  return {
    id: row.id,
    object: "webhook_delivery",
    endpoint: row.endpointId,
    event: row.eventId,
    event_type: row.event.type,
    status: row.status as WebhookDelivery["status"],
    attempts: row.attempts,
    next_attempt_at: row.status === "pending" ? at(row.nextAttemptAt) : null,
    last_attempt_at: at(row.lastAttemptAt),
    last_status_code: row.lastStatusCode,
    last_error: row.lastError,
    attempt_log: attemptLogOf(row.attemptLog),
    created: unixSeconds(row.createdAt),
  };
}

async function assertDeliverable(url: string) {
  const check = await checkWebhookUrl(url);
  if (!check.ok)
    throw invalidRequest(
      "url_not_allowed",
      `Invalid url: ${check.reason}. (Outside production, WEBHOOK_ALLOW_PRIVATE=1 turns this check off.)`,
      "url",
    );
}

export async function createWebhookEndpoint(
  ctx: Context,
  { owner, endpoint: input }: { owner: ObjectScope; endpoint: CreateWebhookEndpointInput },
): Promise<CreatedWebhookEndpoint> {
  await assertDeliverable(input.url);
  const secret = newWebhookSecret();
  const endpoint = await createOwnedObject(ctx, {
    owner,
    create: (tx) =>
      tx.webhookEndpoint.create({
        data: {
          id: newObjectId("we"),
          ...owner,
          url: input.url,
          enabledEvents: input.enabled_events,
          description: input.description ?? null,
          metadata: input.metadata ?? {},
          secret,
        },
      }),
    serialize: serializeWebhookEndpoint,
  });
  return { ...endpoint, secret };
}

export async function updateWebhookEndpoint(
  { db, requestId }: Context,
  { owner, id, changes: input }: { owner: ObjectScope; id: string; changes: UpdateWebhookEndpointInput },
) {
  await webhookEndpoints.find(db, owner, id);
  if (input.url !== undefined) await assertDeliverable(input.url);
  return db.$transaction(async (tx) => {
    await webhookEndpoints.find(tx, owner, id);
    const row = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        url: input.url,
        enabledEvents: input.enabled_events,
        description: input.description,
        metadata: input.metadata,
        status: input.disabled === undefined ? undefined : input.disabled ? "disabled" : "enabled",
      },
    });
    const endpoint = serializeWebhookEndpoint(row);
    await recordEvent(tx, { owner, type: "webhook_endpoint.updated", object: endpoint, requestId });
    return endpoint;
  });
}

/** Deletes the endpoint and its pending deliveries; the `webhook_endpoint.deleted` event goes to the other endpoints. */
export async function deleteWebhookEndpoint(
  { db, requestId }: Context,
  { owner, id }: { owner: ObjectScope; id: string },
): Promise<DeletedWebhookEndpoint> {
  return db.$transaction(async (tx) => {
    const endpoint = serializeWebhookEndpoint(await webhookEndpoints.find(tx, owner, id));
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordEvent(tx, { owner, type: "webhook_endpoint.deleted", object: endpoint, requestId });
    return { id, object: "webhook_endpoint", deleted: true };
  });
}

export async function listWebhookDeliveries(
  { db }: Context,
  {
    owner,
    endpointId,
    query,
    url = `/api/v1/webhook_endpoints/${endpointId}/deliveries`,
  }: { owner: ObjectScope; endpointId: string; query: WebhookDeliveryListQuery; url?: string },
) {
  await webhookEndpoints.find(db, owner, endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: {
      endpointId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.starting_after ? { id: { lt: query.starting_after } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { event: { select: { type: true } } },
  });
  return toList(rows, query.limit, url, serializeWebhookDelivery);
}

/** Sends one signed `webhook_endpoint.test` event now and reports the outcome; it is neither stored nor retried. */
export async function sendTestWebhook(
  ctx: Context,
  { owner, id }: { owner: ObjectScope; id: string },
): Promise<WebhookTestResult> {
  const row = await webhookEndpoints.find(ctx.db, owner, id);
  const event = {
    id: newObjectId("evt"),
    object: "event",
    type: "webhook_endpoint.test",
    livemode: row.livemode,
    created: unixSeconds(ctx.now()),
    data: { object: serializeWebhookEndpoint(row) },
  };
  const result = await sendWebhook({
    url: row.url,
    secret: signingSecrets(row, new Date()),
    body: JSON.stringify(event),
    headers: { "Webhook-Id": event.id },
  });
  return {
    object: "webhook_test",
    endpoint: row.id,
    event,
    succeeded: result.error === null,
    status_code: result.statusCode,
    error: result.error,
    duration_ms: result.durationMs,
  };
}
