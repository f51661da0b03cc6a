import { z } from "zod";
import { createdRangeQuery, listQuerySchema } from "./common";
import { keyCollection } from "./operation";

/** Every event type the API records: `<object>.<change>`. Webhook endpoints subscribe to these (or `*`). */
export const EVENT_TYPES = [
  "payment_link.created",
  "payment_link.updated",
  "customer.created",
  "customer.updated",
  "checkout.session.created",
  "checkout.session.completed",
  "checkout.session.expired",
  "webhook_endpoint.created",
  "webhook_endpoint.updated",
  "webhook_endpoint.deleted",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const eventTypeSchema = z.enum(EVENT_TYPES);

export const eventListQuerySchema = listQuerySchema.extend({ type: eventTypeSchema.optional(), ...createdRangeQuery });
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventSchema = z.object({
  id: z.string(),
  object: z.literal("event"),
  type: eventTypeSchema,
  livemode: z.boolean(),
  created: z.number().int(),
  data: z.object({ object: z.record(z.string(), z.unknown()).describe("The object as it was right after the change") }),
});
export type Event = z.infer<typeof eventSchema>;

export const eventCollection = keyCollection("events", eventSchema);
export const events = {
  list: eventCollection.list({
    summary: "List events, newest first (filter by type and created range, unix seconds)",
    query: eventListQuerySchema,
  }),
  retrieve: eventCollection.retrieve(),
};
