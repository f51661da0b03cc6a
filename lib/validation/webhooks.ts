import { z } from "zod";
import { httpUrlSchema } from "./checkout-sessions";
import { listQuerySchema, metadataSchema } from "./common";
import { EVENT_TYPES } from "./events";

export const enabledEventsSchema = z
  .array(z.enum([...EVENT_TYPES, "*"]))
  .min(1, "must list at least one event type, or *")
  .max(EVENT_TYPES.length + 1)
  .transform((list) => [...new Set(list)]);

export const createWebhookEndpointSchema = z.strictObject({
  url: httpUrlSchema,
  enabled_events: enabledEventsSchema,
  description: z.string().max(500).optional(),
  metadata: metadataSchema.optional(),
});
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

export const updateWebhookEndpointSchema = z
  .strictObject({
    url: httpUrlSchema.optional(),
    enabled_events: enabledEventsSchema.optional(),
    description: z.string().max(500).nullable().optional(),
    disabled: z.boolean().optional(),
    metadata: metadataSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Provide at least one field to update");
export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointSchema>;

export const webhookEndpointSchema = z.object({
  id: z.string(),
  object: z.literal("webhook_endpoint"),
  livemode: z.boolean(),
  url: z.string(),
  enabled_events: z.array(z.string()),
  status: z.enum(["enabled", "disabled"]),
  description: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  created: z.number().int(),
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

export const webhookAttemptSchema = z.object({
  at: z.number().int(),
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
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
  last_error: z.string().nullable(),
  attempt_log: z.array(webhookAttemptSchema),
  created: z.number().int(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListQuerySchema = listQuerySchema.extend({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
});

export const webhookTestResultSchema = z.object({
  object: z.literal("webhook_test"),
  endpoint: z.string(),
  event: z
    .record(z.string(), z.unknown())
    .describe("The signed payload that was sent (type webhook_endpoint.test, not stored)"),
  succeeded: z.boolean(),
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
  duration_ms: z.number().int(),
});
export type WebhookTestResult = z.infer<typeof webhookTestResultSchema>;
