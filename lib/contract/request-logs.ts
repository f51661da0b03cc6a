import { z } from "zod";
import { keyModeSchema } from "./api-keys";
import { EVENT_TYPES } from "./events";
import { collection, management, member } from "./operation";
import { WEBHOOK_DELIVERY_STATUSES, webhookAttemptSchema } from "./webhooks";

export const STATUS_CLASSES = ["2xx", "4xx", "5xx"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export const LOGGED_METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

const isoTime = z.iso.datetime({ offset: true, error: "must be an ISO 8601 time, such as 2026-12-01T10:00:00Z" });

/** The Logs page's filters, as query parameters: every one optional, all of them combined with AND. */
export const requestLogListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  starting_after: z.string().min(1).max(64).optional().describe("A request log id: the page after it (older rows)"),
  mode: keyModeSchema.optional(),
  apiKeyId: z.string().min(1).max(64).optional(),
  applicationId: z.string().min(1).max(64).optional(),
  status: z.enum(STATUS_CLASSES).optional().describe("Status class: 2xx, 4xx or 5xx"),
  method: z.enum(LOGGED_METHODS).optional(),
  path: z
    .string()
    .max(200)
    .regex(/^\//, "must start with /, such as /api/v1/customers")
    .optional()
    .describe("Paths starting with this"),
  since: isoTime.optional().describe("Requests at or after this time"),
  until: isoTime.optional().describe("Requests before this time"),
});
export type RequestLogListQuery = z.infer<typeof requestLogListQuerySchema>;

/** One recorded request: what was asked and answered, never a body (they can hold customer data). */
export const requestLogSchema = z.object({
  id: z.string(),
  object: z.literal("request_log"),
  requestId: z.string().describe("The X-Request-Id the response carried"),
  createdAt: z.string(),
  mode: keyModeSchema,
  apiKeyId: z.string(),
  applicationId: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  durationMs: z.number().int(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  error: z
    .object({ type: z.string(), code: z.string(), message: z.string() })
    .nullable()
    .describe("The error envelope's type, code and message, for a refused or failed request"),
  objectIds: z.array(z.string()).describe("The objects the request created or changed"),
});
export type RequestLog = z.infer<typeof requestLogSchema>;

export const requestLogPageSchema = z.object({
  items: z.array(requestLogSchema),
  hasMore: z.boolean(),
  nextCursor: z.string().nullable().describe("Pass as starting_after for the next (older) page"),
});
export type RequestLogPage = z.infer<typeof requestLogPageSchema>;

export const traceDeliverySchema = z.object({
  id: z.string(),
  endpoint: z.object({ id: z.string(), url: z.string() }),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  attemptLog: z.array(webhookAttemptSchema),
  createdAt: z.string(),
});
export type TraceDelivery = z.infer<typeof traceDeliverySchema>;

export const traceEventSchema = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  objectId: z.string(),
  createdAt: z.string(),
  deliveries: z.array(traceDeliverySchema),
});
export type TraceEvent = z.infer<typeof traceEventSchema>;

/** A request with what followed from it: the objects it touched, their events, and each event's deliveries. */
export const requestLogDetailSchema = requestLogSchema.extend({
  trace: z.object({
    objects: z
      .array(z.object({ id: z.string(), object: z.string().describe("The kind, from the id's prefix") }))
      .describe("The objects it created or changed, and those its events name"),
    events: z.array(traceEventSchema),
  }),
});
export type RequestLogDetail = z.infer<typeof requestLogDetailSchema>;

const requestLogCollection = collection({
  tag: management.tag,
  path: "/api/v1/request-logs",
  read: member(),
  object: requestLogDetailSchema,
});

export const requestLogs = {
  list: requestLogCollection.list({
    summary: "The merchant's API requests, newest first (filter by key, application, status class, method, path, time)",
    description:
      "Every `/api/v1` request made with one of the merchant's API keys, refusals of a known key included, kept `REQUEST_LOG_RETENTION_DAYS` days. Rows reach the log in batches, a few seconds after the request.",
    query: requestLogListQuerySchema,
    response: requestLogPageSchema,
  }),
  retrieve: requestLogCollection.retrieve({
    summary: "One request with its trace: objects changed, events recorded, webhook deliveries and their attempts",
    description: "`id` is the request log's `rlog_…` id or the request's own `req_…` id (its X-Request-Id).",
  }),
};
