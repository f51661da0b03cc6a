import type { Db } from "../db";
import { notFound } from "../api/errors";
import type { Event, EventListQuery } from "../validation/events";
import { pageArgs, toList, unixSeconds, type ObjectScope } from "../payments/scope";

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

export async function listEvents(db: Db, scope: ObjectScope, query: EventListQuery) {
  const args = pageArgs(scope, query);
  // Unix seconds bounds become one half-open range [gte, lt) over createdAt (milliseconds).
  const lower = Math.max(query["created[gte]"] ?? -Infinity, (query["created[gt]"] ?? -Infinity) + 1);
  const upper = Math.min(query["created[lt]"] ?? Infinity, (query["created[lte]"] ?? Infinity) + 1);
  const created = {
    ...(Number.isFinite(lower) ? { gte: fromUnix(lower) } : {}),
    ...(Number.isFinite(upper) ? { lt: fromUnix(upper) } : {}),
  };
  const rows = await db.event.findMany({
    ...args,
    where: {
      ...args.where,
      ...(query.type ? { type: query.type } : {}),
      ...(Object.keys(created).length > 0 ? { createdAt: created } : {}),
    },
  });
  return toList(rows, query.limit, "/api/v1/events", serializeEvent);
}

export async function retrieveEvent(db: Db, scope: ObjectScope, id: string) {
  const row = await db.event.findFirst({ where: { id, ...scope } });
  if (!row) throw notFound("event", id);
  return serializeEvent(row);
}
