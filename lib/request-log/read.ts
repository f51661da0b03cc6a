import type { Context } from "../context";
import type {
  RequestLog,
  RequestLogDetail,
  RequestLogListQuery,
  RequestLogPage,
  StatusClass,
  TraceEvent,
  WebhookAttempt,
} from "../contract";
import type { Db } from "../db";
import { notFound } from "../http/errors";
import type { RequestLogRow } from "./recorder";

type Row = RequestLogRow;

/** Each kind of object by the prefix of its id (lib/ids), for the trace's links. */
const OBJECT_KINDS: Record<string, string> = {
  plink: "payment_link",
  cus: "customer",
  cs: "checkout.session",
  we: "webhook_endpoint",
  evt: "event",
  app: "application",
  key: "api_key",
};

const STATUS_RANGES: Record<StatusClass, { gte: number; lt: number }> = {
  "2xx": { gte: 200, lt: 300 },
  "4xx": { gte: 400, lt: 500 },
  "5xx": { gte: 500, lt: 600 },
};

export function serializeRequestLog(row: Row): RequestLog {
  return {
    id: row.id,
    object: "request_log",
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
    mode: row.mode === "live" ? "live" : "test",
    apiKeyId: row.apiKeyId,
    applicationId: row.applicationId,
    method: row.method,
    path: row.path,
    status: row.status,
    durationMs: row.durationMs,
    ip: row.ip,
    userAgent: row.userAgent,
    idempotencyKey: row.idempotencyKey,
    error:
      row.errorCode === null
        ? null
        : { type: row.errorType ?? "", code: row.errorCode, message: row.errorMessage ?? "" },
    objectIds: row.objectIds ? row.objectIds.split(",") : [],
  };
}

function listWhere(merchantId: string, query: RequestLogListQuery) {
  const createdAt = {
    ...(query.since ? { gte: new Date(query.since) } : {}),
    ...(query.until ? { lt: new Date(query.until) } : {}),
  };
  return {
    merchantId,
    ...(query.mode ? { mode: query.mode } : {}),
    ...(query.apiKeyId ? { apiKeyId: query.apiKeyId } : {}),
    ...(query.applicationId ? { applicationId: query.applicationId } : {}),
    ...(query.status ? { status: STATUS_RANGES[query.status] } : {}),
    ...(query.method ? { method: query.method } : {}),
    ...(query.path ? { path: { startsWith: query.path } } : {}),
    ...(query.since || query.until ? { createdAt } : {}),
    ...(query.starting_after ? { id: { lt: query.starting_after } } : {}),
  };
}

/** The merchant's logged requests, newest first: one indexed query, one extra row telling whether there is more. */
export async function listRequestLogs(
  { db }: Context,
  { merchantId, query }: { merchantId: string; query: RequestLogListQuery },
): Promise<RequestLogPage> {
  const rows = await db.requestLog.findMany({
    where: listWhere(merchantId, query),
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  return { items: page.map(serializeRequestLog), hasMore, nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const attemptsOf = (value: unknown): WebhookAttempt[] => (Array.isArray(value) ? (value as WebhookAttempt[]) : []);

/** The events the request recorded (Event.requestId), each with every webhook delivery and its attempts. */
async function tracedEvents(db: Db, merchantId: string, requestId: string): Promise<TraceEvent[]> {
  const events = await db.event.findMany({
    where: { requestId, ownerId: merchantId },
    orderBy: { id: "asc" },
    include: {
      deliveries: { orderBy: { id: "asc" }, include: { endpoint: { select: { id: true, url: true } } } },
    },
  });
  return events.map((event) => ({
    id: event.id,
    type: event.type as TraceEvent["type"],
    objectId: event.objectId,
    createdAt: event.createdAt.toISOString(),
    deliveries: event.deliveries.map((delivery) => ({
      id: delivery.id,
      endpoint: delivery.endpoint,
      status: delivery.status as TraceEvent["deliveries"][number]["status"],
      attempts: delivery.attempts,
      nextAttemptAt: delivery.status === "pending" ? iso(delivery.nextAttemptAt) : null,
      lastStatusCode: delivery.lastStatusCode,
      lastError: delivery.lastError,
      attemptLog: attemptsOf(delivery.attemptLog),
      createdAt: delivery.createdAt.toISOString(),
    })),
  }));
}

/** One request of the merchant, by its `rlog_…` id or its `req_…` request id, with its trace. */
export async function retrieveRequestLog(
  { db }: Context,
  { merchantId, id }: { merchantId: string; id: string },
): Promise<RequestLogDetail> {
  const row = await db.requestLog.findFirst({
    where: id.startsWith("req_") ? { merchantId, requestId: id } : { merchantId, id },
  });
  if (!row) throw notFound("request log", id);
  const log = serializeRequestLog(row);
  const events = await tracedEvents(db, merchantId, row.requestId);
  const ids = [...new Set([...log.objectIds, ...events.map((event) => event.objectId)])];
  const objects = ids.map((objectId) => ({
    id: objectId,
    object: OBJECT_KINDS[objectId.split("_")[0] ?? ""] ?? "object",
  }));
  return { ...log, trace: { objects, events } };
}
