import { z } from "zod";
import { keyModeSchema } from "./api-keys";
import { listOf } from "./common";
import { eventListQuerySchema, eventSchema } from "./events";
import { collection, management, member } from "./operation";
import { webhookDeliverySchema } from "./webhooks";

/** The dashboard's view of the merchant's events: the v1 list's filters, the Test/Live mode, and one object's. */
export const merchantEventListQuerySchema = eventListQuerySchema.extend({
  mode: keyModeSchema
    .optional()
    .describe("Only the events of this mode; without it, the mode of `object` (an object page's events), else test"),
  object: z.string().trim().min(1).max(64).optional().describe("Only the events of this object (e.g. cus_…)"),
});
export type MerchantEventListQuery = z.infer<typeof merchantEventListQuerySchema>;

export const eventDeliverySchema = webhookDeliverySchema.extend({
  endpoint_url: z.string().describe("Where the endpoint sends (at the time of reading)"),
});
export type EventDelivery = z.infer<typeof eventDeliverySchema>;

export const eventDetailSchema = eventSchema.extend({ deliveries: z.array(eventDeliverySchema) });
export type EventDetail = z.infer<typeof eventDetailSchema>;

const merchantEventCollection = collection({
  tag: management.tag,
  path: "/api/v1/merchant/events",
  read: member(),
  object: eventDetailSchema,
});
export const merchantEvents = {
  list: merchantEventCollection.list({
    summary: "The current merchant's events in one mode, newest first (filter by type, object and created range)",
    query: merchantEventListQuerySchema,
    response: listOf(eventSchema),
  }),
  retrieve: merchantEventCollection.retrieve({
    summary: "One event of the current merchant (either mode) with its webhook deliveries",
  }),
};
