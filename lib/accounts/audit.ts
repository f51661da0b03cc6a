import type { Context } from "../context";
import {
  auditEvents,
  type AuditActor as AuditActorView,
  type AuditEvent,
  type AuditEventListQuery,
} from "../contract/audit-events";
import type { Db } from "../db";
import { clientIp } from "../http/client-ip";
import { invalidRequest } from "../http/errors";
import { toList } from "../objects";

export interface AuditActor {
  merchantId: string | null;
  userId?: string | null;
  keyId?: string | null;
  /** The management token that made the change, when one did. */
  tokenId?: string | null;
}

/** One row per dashboard or management mutation: who did what to which object, from where. */
export async function recordAudit(
  db: Db,
  {
    request,
    actor,
    action,
    target,
    metadata,
  }: {
    request: Request;
    actor: AuditActor;
    action: string;
    target: { type: string; id: string };
    metadata?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      merchantId: actor.merchantId,
      actorUserId: actor.userId ?? null,
      actorKeyId: actor.keyId ?? null,
      actorTokenId: actor.tokenId ?? null,
      action,
      targetType: target.type,
      targetId: target.id,
      ip: clientIp(request.headers),
      userAgent: request.headers.get("user-agent")?.slice(0, 500) ?? null,
      metadata: metadata ?? undefined,
    },
  });
}

type AuditRow = Awaited<ReturnType<Db["auditEvent"]["findUniqueOrThrow"]>>;
type People = { users: Map<string, { name: string | null; email: string | null }>; tokens: Map<string, string> };

function actorOf(row: AuditRow, { users, tokens }: People): AuditActorView {
  const user = row.actorUserId ? users.get(row.actorUserId) : undefined;
  const base = { userId: row.actorUserId, email: user?.email ?? null };
  if (row.actorTokenId)
    return { ...base, type: "management_token", id: row.actorTokenId, name: tokens.get(row.actorTokenId) ?? null };
  if (row.actorUserId) return { ...base, type: "user", id: row.actorUserId, name: user?.name ?? null };
  return { ...base, type: "unknown", id: null, name: null };
}

function serializeAuditEvent(row: AuditRow, people: People): AuditEvent {
  const metadata = row.metadata;
  return {
    id: row.id,
    object: "audit_event",
    action: row.action,
    actor: actorOf(row, people),
    target: { type: row.targetType, id: row.targetId },
    ip: row.ip,
    userAgent: row.userAgent,
    metadata: typeof metadata === "object" && metadata !== null && !Array.isArray(metadata) ? metadata : {},
    createdAt: row.createdAt.toISOString(),
  };
}

/** The names behind a page's actors, in two queries whatever the page's size. */
async function peopleOf(db: Db, rows: AuditRow[]): Promise<People> {
  const ids = (pick: (row: AuditRow) => string | null) => [
    ...new Set(rows.map(pick).filter((id): id is string => id !== null)),
  ];
  const [users, tokens] = await Promise.all([
    db.user.findMany({
      where: { id: { in: ids((row) => row.actorUserId) } },
      select: { id: true, name: true, email: true },
    }),
    db.managementToken.findMany({
      where: { id: { in: ids((row) => row.actorTokenId) } },
      select: { id: true, name: true },
    }),
  ]);
  return { users: new Map(users.map((u) => [u.id, u])), tokens: new Map(tokens.map((t) => [t.id, t.name])) };
}

/** Newest first by (createdAt, id): audit ids are not time-sortable, so the cursor row's time is read first. */
async function cursorWhere(db: Db, merchantId: string, startingAfter: string | undefined) {
  if (!startingAfter) return [];
  const cursor = await db.auditEvent.findFirst({
    where: { id: startingAfter, merchantId },
    select: { createdAt: true },
  });
  if (!cursor)
    throw invalidRequest(
      "cursor_invalid",
      `starting_after '${startingAfter}' is not an audit event of this merchant: pass the last id of the previous page.`,
      "starting_after",
    );
  return [
    { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: startingAfter } }] },
  ];
}

const fromUnix = (seconds: number | undefined) => (seconds === undefined ? undefined : new Date(seconds * 1000));

/** One page of a merchant's audit log, with the filters of the Audit log page. */
export async function listAuditEvents(
  { db }: Context,
  { merchantId, query }: { merchantId: string; query: AuditEventListQuery },
) {
  const gte = fromUnix(query["created[gte]"]);
  const lt = fromUnix(query["created[lt]"]);
  const rows = await db.auditEvent.findMany({
    where: {
      merchantId,
      ...(query.action ? { action: query.action } : {}),
      ...(query.target ? { targetId: query.target } : {}),
      ...(gte || lt ? { createdAt: { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) } } : {}),
      AND: [
        ...(query.actor ? [{ OR: [{ actorUserId: query.actor }, { actorTokenId: query.actor }] }] : []),
        ...(await cursorWhere(db, merchantId, query.starting_after)),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const people = await peopleOf(db, rows.slice(0, query.limit));
  return toList(rows, query.limit, auditEvents.list.path, (row) => serializeAuditEvent(row, people));
}
