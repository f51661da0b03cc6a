import type { Context } from "../context";
import type { Db } from "../db";
import type { Event, EventListQuery } from "../contract/events";
import { ownedObjects, unixSeconds, type ObjectScope } from "../objects";

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
  name: "event",
  url: "/api/v1/events",
  model: (db) => db.event,
  serialize: serializeEvent,
});

const fromUnix = (seconds: number) => new Date(seconds * 1000);

export function listEvents({ db }: Context, { owner, query }: { owner: ObjectScope; query: EventListQuery }) {
  // Unix seconds bounds become one half-open range [gte, lt) over createdAt (milliseconds).
  const lower = Math.max(query["created[gte]"] ?? -Infinity, (query["created[gt]"] ?? -Infinity) + 1);
  const upper = Math.min(query["created[lt]"] ?? Infinity, (query["created[lte]"] ?? Infinity) + 1);
  const created = {
    ...(Number.isFinite(lower) ? { gte: fromUnix(lower) } : {}),
    ...(Number.isFinite(upper) ? { lt: fromUnix(upper) } : {}),
  };
  return events.list(db, owner, query, {
    ...(query.type ? { type: query.type } : {}),
    ...(Object.keys(created).length > 0 ? { createdAt: created } : {}),
  });
}

export function retrieveEvent({ db }: Context, { owner, id }: { owner: ObjectScope; id: string }) {
  return events.retrieve(db, owner, id);
}
