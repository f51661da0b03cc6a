import type { Context } from "../context";
import type { Db } from "../db";
import {
  eventCollection,
  merchantEvents,
  type Event,
  type EventListQuery,
  type ObjectEventListQuery,
} from "../contract/events";
import { createdWhere, ownedObjects, toList, unixSeconds } from "../objects";

type Row = Awaited<ReturnType<Db["event"]["findUniqueOrThrow"]>>;

/** The event as the API and webhook payloads show it. */
export function serializeEvent(row: Row): Event {
  const data = typeof row.data === "object" && row.data !== null && !Array.isArray(row.data) ? row.data : {};
  const object =
    "object" in data && typeof data.object === "object" && data.object !== null
      ? (data.object as Record<string, unknown>)
      : {};
  return {
    id: row.id,
    object: "event",
    type: row.type as Event["type"],
    livemode: row.livemode,
    created: unixSeconds(row.createdAt),
    data: { object },
  };
}

const events = ownedObjects({
  collection: eventCollection,
  model: (db) => db.event,
  serialize: serializeEvent,
  filter: (query: EventListQuery) => ({ ...(query.type ? { type: query.type } : {}), ...createdWhere(query) }),
});
export const { list: listEvents, retrieve: retrieveEvent } = events;

/** The events of one of an owner's objects (either mode), newest first: a detail page's history. */
export async function listObjectEvents(
  { db }: Context,
  { ownerId, query }: { ownerId: string; query: ObjectEventListQuery },
) {
  const after = query.starting_after ? { id: { lt: query.starting_after } } : {};
  const rows = await db.event.findMany({
    where: { ownerId, objectId: query.object, ...after },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  return toList(rows, query.limit, merchantEvents.list.path, serializeEvent);
}
