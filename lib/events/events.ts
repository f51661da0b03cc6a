import type { Db } from "../db";
import { eventCollection, type Event, type EventListQuery } from "../contract/events";
import { ownedObjects, unixSeconds } from "../objects";

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

const fromUnix = (seconds: number) => new Date(seconds * 1000);

/** Unix seconds bounds become one half-open range [gte, lt) over createdAt (milliseconds). */
function createdWhere(query: EventListQuery) {
  const lower = Math.max(query["created[gte]"] ?? -Infinity, (query["created[gt]"] ?? -Infinity) + 1);
  const upper = Math.min(query["created[lt]"] ?? Infinity, (query["created[lte]"] ?? Infinity) + 1);
  const created = {
    ...(Number.isFinite(lower) ? { gte: fromUnix(lower) } : {}),
    ...(Number.isFinite(upper) ? { lt: fromUnix(upper) } : {}),
  };
  return Object.keys(created).length > 0 ? { createdAt: created } : {};
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
