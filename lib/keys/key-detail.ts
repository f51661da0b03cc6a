import type { Context } from "../context";
import {
  GRACE_EXTENSION_HOURS,
  MAX_GRACE_DAYS,
  type ApiKeyDetail,
  type ApiKeyView,
  type OldSecretCallers,
} from "../contract/api-keys";
import type { DbTx } from "../db";
import { ApiError } from "../http/errors";
import { findApplication, serializeApiKey, type KeyRow } from "./lifecycle";
import { unusedScopes } from "./scope-usage";

const DAY_MS = 86_400_000;

function keyMissing(keyId: string, param = "id") {
  return new ApiError(404, "not_found", "resource_missing", `No such API key: '${keyId}'.`, { param });
}

/** The merchant's key, or a 404 (another merchant's key does not exist for this caller). */
async function findMerchantKey(db: DbTx, { merchantId, keyId }: { merchantId: string; keyId: string }) {
  const row = await db.apiKey.findFirst({ where: { id: keyId, merchantId } });
  if (!row) throw keyMissing(keyId);
  return row;
}

function keyLink(row: Pick<KeyRow, "id" | "name" | "prefix"> | null) {
  return row && { id: row.id, name: row.name, prefix: row.prefix };
}

/** The detail page's key: who created it, its last request, both sides of a roll and the scopes it does not use. */
export async function retrieveMerchantKey(
  ctx: Context,
  { merchantId, keyId }: { merchantId: string; keyId: string },
): Promise<ApiKeyDetail> {
  const { db } = ctx;
  const row = await findMerchantKey(db, { merchantId, keyId });
  const view = serializeApiKey(row, ctx.now());
  const [application, creator, lastRequest, rolledFrom, rolledTo, unused] = await Promise.all([
    row.applicationId
      ? db.application.findUnique({ where: { id: row.applicationId }, select: { id: true, name: true } })
      : null,
    row.createdById
      ? db.user.findUnique({ where: { id: row.createdById }, select: { id: true, name: true, email: true } })
      : null,
    db.requestLog.findFirst({
      where: { merchantId, mode: row.mode, apiKeyId: row.id },
      orderBy: { id: "desc" },
      select: { createdAt: true, ip: true, userAgent: true },
    }),
    row.rolledFromId ? db.apiKey.findFirst({ where: { id: row.rolledFromId, merchantId } }) : null,
    db.apiKey.findFirst({ where: { rolledFromId: row.id, merchantId } }),
    unusedScopes(ctx, { keyId: row.id, granted: view.scopes }),
  ]);
  return {
    ...view,
    application,
    createdBy: creator,
    lastUse: lastRequest && {
      at: lastRequest.createdAt.toISOString(),
      ip: lastRequest.ip,
      userAgent: lastRequest.userAgent,
    },
    rolledFrom: keyLink(rolledFrom),
    rolledTo: keyLink(rolledTo),
    graceExtendedAt: row.graceExtendedAt?.toISOString() ?? null,
    unusedScopes: unused,
  };
}

/** A roll whose grace period still runs: the old key and when its successor was made (the roll's time). */
interface RunningGrace {
  old: KeyRow;
  rolledAt: Date;
}

/** The running grace period that `row` is part of, as the old key or as its successor; null when none runs. */
async function runningGrace(db: DbTx, row: KeyRow, now: Date): Promise<RunningGrace | null> {
  const old =
    row.graceEndsAt !== null
      ? row
      : row.rolledFromId
        ? await db.apiKey.findFirst({ where: { id: row.rolledFromId, merchantId: row.merchantId } })
        : null;
  if (!old?.graceEndsAt || old.graceEndsAt <= now || old.status === "revoked") return null;
  const successor = old === row ? await db.apiKey.findFirst({ where: { rolledFromId: old.id } }) : row;
  return { old, rolledAt: successor?.createdAt ?? old.graceEndsAt };
}

function maxGraceEnd(grace: RunningGrace) {
  return new Date(grace.rolledAt.getTime() + MAX_GRACE_DAYS * DAY_MS);
}

/** Who still sends the old secret since the roll, grouped by IP and user agent, most recent first. */
export async function listOldSecretCallers(
  { db, now }: Context,
  { merchantId, keyId }: { merchantId: string; keyId: string },
): Promise<OldSecretCallers> {
  const row = await findMerchantKey(db, { merchantId, keyId });
  const grace = await runningGrace(db, row, now());
  if (!grace) return { rolledKeyId: null, graceEndsAt: null, graceExtendedAt: null, maxGraceEndsAt: null, items: [] };
  const groups = await db.requestLog.groupBy({
    by: ["ip", "userAgent"],
    where: { merchantId, mode: grace.old.mode, apiKeyId: grace.old.id, createdAt: { gte: grace.rolledAt } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  const items = groups
    .map((group) => ({
      ip: group.ip,
      userAgent: group.userAgent,
      lastSeenAt: (group._max.createdAt ?? grace.rolledAt).toISOString(),
      requestCount: group._count._all,
    }))
    .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
  return {
    rolledKeyId: grace.old.id,
    graceEndsAt: grace.old.graceEndsAt?.toISOString() ?? null,
    graceExtendedAt: grace.old.graceExtendedAt?.toISOString() ?? null,
    maxGraceEndsAt: maxGraceEnd(grace).toISOString(),
    items,
  };
}

interface GraceTarget {
  merchantId: string;
  applicationId: string;
  keyId: string;
}

/** The application's key (old or successor) and its running grace period, or a 404 / 409. */
async function graceOf({ db, now }: Context, target: GraceTarget): Promise<RunningGrace> {
  await findApplication(db, target.merchantId, target.applicationId);
  const row = await db.apiKey.findFirst({
    where: { id: target.keyId, applicationId: target.applicationId, merchantId: target.merchantId },
  });
  if (!row) throw keyMissing(target.keyId, "keyId");
  const grace = await runningGrace(db, row, now());
  if (!grace) {
    throw new ApiError(
      409,
      "invalid_request",
      "api_key_not_in_grace",
      "This API key is not in a roll's grace period: there is no old secret still working.",
    );
  }
  return grace;
}

/** Ends the grace period now: the old secret's next request, in any process, gets 401 expired_api_key. */
export async function endGrace(ctx: Context, target: GraceTarget): Promise<ApiKeyView> {
  const { old } = await graceOf(ctx, target);
  const now = ctx.now();
  const row = await ctx.db.apiKey.update({ where: { id: old.id }, data: { graceEndsAt: now } });
  await ctx.bus.publish({ keyId: old.id });
  return serializeApiKey(row, now);
}

/** Adds 24 hours to the grace period, once, and never past 7 days after the roll. */
export async function extendGrace(ctx: Context, target: GraceTarget): Promise<ApiKeyView> {
  const grace = await graceOf(ctx, target);
  const { old } = grace;
  if (old.graceExtendedAt) {
    throw new ApiError(
      409,
      "invalid_request",
      "grace_already_extended",
      "This grace period was already extended once. End it, or let it run out.",
    );
  }
  const ends = new Date((old.graceEndsAt?.getTime() ?? 0) + GRACE_EXTENSION_HOURS * 3_600_000);
  if (ends > maxGraceEnd(grace)) {
    throw new ApiError(
      400,
      "invalid_request",
      "grace_period_too_long",
      `A grace period can last at most ${MAX_GRACE_DAYS} days after the roll, and ${GRACE_EXTENSION_HOURS} more hours would pass that.`,
    );
  }
  const now = ctx.now();
  const row = await ctx.db.apiKey.update({ where: { id: old.id }, data: { graceEndsAt: ends, graceExtendedAt: now } });
  await ctx.bus.publish({ keyId: old.id });
  return serializeApiKey(row, now);
}
