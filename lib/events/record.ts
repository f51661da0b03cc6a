import type { Context } from "../context";
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
    requestId,
  }: { owner: ObjectScope; type: EventType; object: { id: string }; now?: Date; requestId?: string },
) {
  const event = await tx.event.create({
    data: {
      id: newObjectId("evt", now.getTime()),
      ...scope,
      type,
      objectId: object.id,
      data: { object },
      requestId: requestId ?? null,
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

/** The objects whose creation is an event: `customer` for `customer.created`, `checkout.session` for its sessions. */
type CreatedObject<Type = EventType> = Type extends `${infer Name}.created` ? Name : never;

interface NewOwnedObject<Row, Item> {
  owner: ObjectScope;
  /** Writes the row, after any reads it needs, inside the transaction. */
  create: (tx: DbTx) => PromiseLike<Row>;
  /** Makes both the answer and the event's snapshot. */
  serialize: (row: Row) => Item;
  /** The event's time; by default, when it is recorded. */
  now?: Date;
}

/** Creates one owned object and records its `<object>.created` event in the same transaction. */
export function createOwnedObject<Row, Item extends { id: string; object: CreatedObject }>(
  { db, requestId }: Context,
  { owner, create, serialize, now }: NewOwnedObject<Row, Item>,
): Promise<Item> {
  return db.$transaction(async (tx) => {
    const object = serialize(await create(tx));
    await recordEvent(tx, { owner, type: `${object.object}.created`, object, now, requestId });
    return object;
  });
}
