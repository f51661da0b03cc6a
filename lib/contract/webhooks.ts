import { z } from "zod";
import { httpUrlSchema } from "./checkout-sessions";
import {
  descriptionAndMetadata,
  descriptionSchema,
  listOf,
  listQuerySchema,
  metadataSchema,
  ownedObjectSchema,
  updateBodySchema,
} from "./common";
import { apiKey, keyCollection, tagged } from "./operation";
import { EVENT_TYPES } from "./events";

export const enabledEventsSchema = z
  .array(z.enum([...EVENT_TYPES, "*"]))
  .min(1, "must list at least one event type, or *")
  .max(EVENT_TYPES.length + 1)
  .transform((list) => [...new Set(list)]);

export const createWebhookEndpointSchema = z.strictObject({
  url: httpUrlSchema,
  enabled_events: enabledEventsSchema,
  ...descriptionAndMetadata,
});
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

export const updateWebhookEndpointSchema = updateBodySchema({
  url: httpUrlSchema,
  enabled_events: enabledEventsSchema,
  description: descriptionSchema.nullable(),
  disabled: z.boolean(),
  metadata: metadataSchema,
});
export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointSchema>;

export const webhookEndpointSchema = ownedObjectSchema("webhook_endpoint").extend({
  url: z.string(),
  enabled_events: z.array(z.string()),
  status: z.enum(["enabled", "disabled"]),
  description: z.string().nullable(),
  previous_secret_expires_at: z
    .number()
    .int()
    .nullable()
    .describe("While a rotated-out secret still signs (a second v1= signature): until when, unix seconds"),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** The create response alone carries the signing secret. */
export const createdWebhookEndpointSchema = webhookEndpointSchema.extend({
  secret: z.string().describe("whsec_…: shown only in this response; verify the Webhook-Signature header with it"),
});
export type CreatedWebhookEndpoint = z.infer<typeof createdWebhookEndpointSchema>;

export const deletedWebhookEndpointSchema = z.object({
  id: z.string(),
  object: z.literal("webhook_endpoint"),
  deleted: z.literal(true),
});
export type DeletedWebhookEndpoint = z.infer<typeof deletedWebhookEndpointSchema>;

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

/** Why an attempt failed: a category, never the socket's own message (which would map the server's network). */
export const WEBHOOK_FAILURES = [
  "invalid_url",
  "dns_error",
  "address_not_allowed",
  "connection_refused",
  "connection_failed",
  "timeout",
  "tls_error",
  "connection_closed",
  "http_status",
  "endpoint_disabled",
] as const;
export type WebhookFailure = (typeof WEBHOOK_FAILURES)[number];
const failureDescription = `Why it failed, null when it succeeded: ${WEBHOOK_FAILURES.join(", ")} (http_status: see status_code)`;

export const webhookAttemptSchema = z.object({
  at: z.number().int(),
  status_code: z.number().int().nullable(),
  error: z.string().nullable().describe(failureDescription),
  duration_ms: z.number().int(),
});
export type WebhookAttempt = z.infer<typeof webhookAttemptSchema>;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  object: z.literal("webhook_delivery"),
  endpoint: z.string(),
  event: z.string(),
  event_type: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  next_attempt_at: z.number().int().nullable(),
  last_attempt_at: z.number().int().nullable(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable().describe(failureDescription),
  attempt_log: z.array(webhookAttemptSchema),
  created: z.number().int(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListQuerySchema = listQuerySchema.extend({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
});
export type WebhookDeliveryListQuery = z.infer<typeof webhookDeliveryListQuerySchema>;

export const webhookTestResultSchema = z.object({
  object: z.literal("webhook_test"),
  endpoint: z.string(),
  event: z
    .record(z.string(), z.unknown())
    .describe("The signed payload that was sent (type webhook_endpoint.test, not stored)"),
  succeeded: z.boolean(),
  status_code: z.number().int().nullable(),
  error: z.enum(WEBHOOK_FAILURES).nullable().describe(failureDescription),
  duration_ms: z.number().int(),
});
export type WebhookTestResult = z.infer<typeof webhookTestResultSchema>;

export const MAX_SECRET_OVERLAP_SECONDS = 7 * 24 * 60 * 60;
export const rotateWebhookSecretSchema = z.strictObject({
  expires_in: z
    .number()
    .int()
    .min(0, "must be 0 (the old secret stops at once) or more seconds")
    .max(MAX_SECRET_OVERLAP_SECONDS, "must be at most 7 days (604800 seconds)")
    .default(24 * 60 * 60)
    .describe("How many seconds the old secret keeps signing beside the new one: 0..604800, 86400 (24 h) by default"),
});
export type RotateWebhookSecretInput = z.infer<typeof rotateWebhookSecretSchema>;

export const MAX_RETRY_WINDOW_SECONDS = 30 * 24 * 60 * 60;
export const retryFailedWebhooksSchema = z.strictObject({
  since: z
    .number()
    .int()
    .nonnegative()
    .describe("Unix seconds, at most 30 days ago: every delivery created since then whose last attempt failed"),
});
export type RetryFailedWebhooksInput = z.infer<typeof retryFailedWebhooksSchema>;

export const webhookRetryResultSchema = z.object({
  object: z.literal("webhook_retry"),
  endpoint: z.string(),
  since: z.number().int(),
  requeued: z.number().int().describe("How many deliveries were queued to be attempted again now"),
});
export type WebhookRetryResult = z.infer<typeof webhookRetryResultSchema>;

/** The three recovery actions, declared once for the API-key API and the dashboard's. */
export const webhookRecoverySpecs = {
  rotateSecret: {
    summary: "Rotate the signing secret; the old one keeps signing for an overlap",
    description:
      "The response carries the new secret `whsec_…`, shown only here. Until `previous_secret_expires_at` every delivery carries two `v1=` signatures in `Webhook-Signature` (the new secret's first), so a receiver can switch secrets without losing one delivery.",
    body: rotateWebhookSecretSchema,
    response: createdWebhookEndpointSchema,
    errors: [400, 404],
  },
  retryFailed: {
    summary: "Queue again every delivery since a time whose last attempt failed",
    description:
      "Counts failed deliveries and pending ones that already failed an attempt. `since` further back than 30 days answers 400 `since_out_of_range`.",
    body: retryFailedWebhooksSchema,
    response: webhookRetryResultSchema,
    errors: [400, 404],
  },
  resend: {
    summary: "Queue one delivery to be attempted again now",
    description: "409 `delivery_in_progress` while an attempt of it is in flight.",
    response: webhookDeliverySchema,
    errors: [404, 409],
  },
} as const;

export const webhookEndpointCollection = keyCollection("webhooks", webhookEndpointSchema);
export const webhookEndpoints = {
  create: webhookEndpointCollection.create({
    description:
      "The response carries the signing secret `whsec_…`, which is never shown again. URLs whose host is or resolves to an address that is not globally reachable unicast (loopback, private, link-local, documentation, reserved, …, also inside IPv4-mapped, NAT64, 6to4 and Teredo IPv6 addresses) are refused (400 `url_not_allowed`).",
    body: createWebhookEndpointSchema,
    response: createdWebhookEndpointSchema,
  }),
  list: webhookEndpointCollection.list({ summary: "List webhook endpoints" }),
  retrieve: webhookEndpointCollection.retrieve(),
  update: webhookEndpointCollection.update({
    summary: "Update url, enabled_events, description, metadata, or disable",
    description: "A new `url` is checked as on create (400 `url_not_allowed`).",
    body: updateWebhookEndpointSchema,
  }),
  delete: webhookEndpointCollection.remove({
    summary: "Delete a webhook endpoint and its pending deliveries",
    response: deletedWebhookEndpointSchema,
  }),
  test: webhookEndpointCollection.action("test", {
    summary: "Send a signed webhook_endpoint.test event now and report the answer",
    description:
      "The URL is checked again first. A failure is reported by its category in `error` (`timeout`, `connection_refused`, `tls_error`, `http_status`, …), never by the connection's own message.",
    response: webhookTestResultSchema,
  }),
  deliveries: webhookEndpointCollection.children("deliveries", {
    summary: "List an endpoint's deliveries with their attempts",
    description:
      "Each delivery shows its status (pending, succeeded, failed), attempt count, next attempt time and a log of its attempts.",
    query: webhookDeliveryListQuerySchema,
    response: listOf(webhookDeliverySchema),
  }),
  rotateSecret: webhookEndpointCollection.action("rotate_secret", webhookRecoverySpecs.rotateSecret),
  retryFailed: webhookEndpointCollection.action("retry_failed", webhookRecoverySpecs.retryFailed),
  resend: tagged(webhookEndpointCollection.tag, { auth: apiKey("webhooks:write") }).post(
    "/api/v1/webhook_endpoints/{id}/deliveries/{deliveryId}/resend",
    webhookRecoverySpecs.resend,
  ),
};
