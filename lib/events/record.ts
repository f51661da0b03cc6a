import type { DbTx } from "../db";
import { newObjectId } from "../ids";
import type { EventType } from "../contract/events";
import type { ObjectScope } from "../objects";

export type { DbTx };

/** Whether an endpoint's `enabled_events` (a JSON array) includes this type or `*`. */
export function listensTo(enabledEvents: unknown, type: string): boolean {
  return Array.isArray(enabledEvents) && (enabledEvents.includes("*") || enabledEvents.includes(type));
}

/**
 * Records one event with the object's snapshot and queues one delivery per enabled endpoint of the same owner and
 * mode that listens to its type. Call it inside the transaction of the change: either all of it is written or none.
 */
export async function recordEvent(
  tx: DbTx,
  {
    owner: scope,
    type,
    object,
    now = new Date(),
  }: { owner: ObjectScope; type: EventType; object: { id: string }; now?: Date },
) {
  const event = await tx.event.create({
    data: {
      id: newObjectId("evt", now.getTime()),
      ...scope,
      type,
      objectId: object.id,
      data: { object },
      createdAt: now,
    },
  });
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { ...scope, status: "enabled" },
    select: { id: true, enabledEvents: true },
  });
  const listening = endpoints.filter((endpoint) => listensTo(endpoint.enabledEvents, type));
  if (listening.length > 0) {
    await tx.webhookDelivery.createMany({
      data: listening.map((endpoint) => ({
        id: newObjectId("whdel", now.getTime()),
        endpointId: endpoint.id,
        eventId: event.id,
        nextAttemptAt: now,
        attemptLog: [],
      })),
    });
  }
  return event;
}
