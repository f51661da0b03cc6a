import type { Db } from "../db";
import { eventCollection, type Event, type EventListQuery } from "../contract/events";
import { createdWhere, ownedObjects, unixSeconds } from "../objects";

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
  // `object` narrows to one object's events (the dashboard's object pages); the v1 list has no such filter.
  filter: (query: EventListQuery & { object?: string }) => ({
    ...(query.type ? { type: query.type } : {}),
    ...(query.object ? { objectId: query.object } : {}),
    ...createdWhere(query),
  }),
});
export const { list: listEvents, retrieve: retrieveEvent } = events;
