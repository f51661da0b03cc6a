import { config } from "../config";
import type { Context } from "../context";
import type { Db, DbTx } from "../db";
import { engineOf } from "../db/engines";
import {
  createApiKeySchema,
  GRACE_PERIODS,
  type ApiKeyListQuery,
  type ApiKeyView,
  type CreateApiKeyInput,
  type CreateApplicationKeyInput,
  type GracePeriod,
  type UpdateApiKeyInput,
} from "../contract/api-keys";
import { scopesFromJson } from "../contract/scopes";
import { ApiError, notFound } from "../http/errors";
import { parseInput } from "../http/parse-input";
import { hashSecret } from "./hash";
import { weeklyRequests } from "./usage-report";
import { DISPLAY_PREFIX_LENGTH, displayPrefix, generateSecret, newKeyId, type KeyMode } from "./format";

export type KeyRow = Awaited<ReturnType<Db["apiKey"]["findUniqueOrThrow"]>>;
export type ApiKeyStatus = ApiKeyView["status"];

/** Who a new key belongs to: a merchant's application, or nobody yet (an unclaimed key). */
export interface KeyOwner {
  merchantId: string | null;
  applicationId: string | null;
  createdById?: string | null;
  createdIp?: string | null;
}

/** The merchant whose plan limits a key count. */
export interface KeyLimitedMerchant {
  id: string;
  plan: string;
  keyLimit: number | null;
}

/**
 * THE definition of an active key: not revoked, not past its expiry, and not past the end of its roll's grace
 * period. `keyStatus` reads it from a row; `activeKeyWhere` is the same rule as a query, for counting.
 */
export function keyStatus(row: Pick<KeyRow, "status" | "expiresAt" | "graceEndsAt">, now = new Date()): ApiKeyStatus {
  if (row.status === "revoked") return "revoked";
  if ((row.expiresAt && row.expiresAt <= now) || (row.graceEndsAt && row.graceEndsAt <= now)) return "expired";
  return "active";
}

export function activeKeyWhere(now: Date) {
  return {
    status: "active",
    AND: [
      { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      { OR: [{ graceEndsAt: null }, { graceEndsAt: { gt: now } }] },
    ],
  };
}

/** A key as every route and page shows it: never its secret or hash. */
export function serializeApiKey(row: KeyRow, now = new Date()): ApiKeyView {
  return {
    id: row.id,
    object: "api_key",
    name: row.name,
    mode: row.mode as KeyMode,
    prefix: row.prefix,
    scopes: scopesFromJson(row.scopes),
    status: keyStatus(row, now),
    applicationId: row.applicationId,
    merchantId: row.merchantId,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    graceEndsAt: row.graceEndsAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    claimedAt: row.claimedAt?.toISOString() ?? null,
    rolledFromId: row.rolledFromId,
    rateLimit: row.rateLimit,
    ipAllowlist: Array.isArray(row.ipAllowlist) ? (row.ipAllowlist as string[]) : null,
  };
}

/** A key as listed under its application: never a secret. */
export function keySummary(row: KeyRow) {
  return {
    id: row.id,
    keyPrefix: row.prefix,
    description: row.name,
    mode: row.mode as KeyMode,
    status: keyStatus(row),
  };
}

/** The creation response: the only place the full key ever appears. */
export function createdKeyResponse({ key, secret }: { key: ApiKeyView; secret: string }) {
  return { ...key, fullKey: secret, keyPrefix: key.prefix, description: key.name };
}

/** The merchant's active-key limit from its plan (free: 10 unless the merchant has its own limit). */
export function merchantKeyLimit(merchant: { plan: string; keyLimit: number | null }): number {
  return merchant.keyLimit ?? config.FREE_PLAN_KEY_LIMIT;
}

/**
 * Refuses a key that would take the application or the merchant past its limit of active keys. Creating, linking
 * and rolling (with a grace period, when the old key stays active beside the new one) all count the same way.
 */
export async function assertKeyLimits(
  db: DbTx,
  { merchant, applicationId, now }: { merchant: KeyLimitedMerchant; applicationId: string; now: Date },
) {
  const active = activeKeyWhere(now);
  const [inApplication, inMerchant] = await Promise.all([
    db.apiKey.count({ where: { applicationId, ...active } }),
    db.apiKey.count({ where: { merchantId: merchant.id, ...active } }),
  ]);
  // APPLICATION_KEY_LIMIT: the management API's "maximum number of API keys" of one application.
  const perApplication = config.APPLICATION_KEY_LIMIT;
  if (inApplication >= perApplication) {
    throw new ApiError(
      400,
      "invalid_request",
      "application_key_limit_reached",
      `This application already has the maximum of ${perApplication} active API keys. Revoke one first.`,
    );
  }
  const limit = merchantKeyLimit(merchant);
  if (inMerchant >= limit) {
    throw new ApiError(
      400,
      "invalid_request",
      "plan_key_limit_reached",
      `Your ${merchant.plan} plan allows ${limit} active API keys, and you have ${inMerchant}. Revoke a key or upgrade your plan.`,
    );
  }
}

/**
 * Creates a key and returns its secret: the only moment the secret exists outside the caller's hands.
 * Only its SHA-256 is stored. `secret` lets unclaimed-key creation supply a caller-chosen value.
 */
export async function createApiKey(
  { db, bus }: Context,
  { owner, key, secret: chosen }: { owner: KeyOwner; key: CreateApiKeyInput; secret?: string },
): Promise<{ key: ApiKeyView; secret: string }> {
  const data = parseInput(createApiKeySchema, key);
  const secret = chosen ?? generateSecret(data.mode);
  const hash = hashSecret(secret);
  try {
    const row = await db.apiKey.create({
      data: {
        id: newKeyId(),
        merchantId: owner.merchantId,
        applicationId: owner.applicationId,
        createdById: owner.createdById ?? null,
        createdIp: owner.createdIp ?? null,
        name: data.name,
        mode: data.mode,
        prefix: displayPrefix(secret),
        hash,
        scopes: data.scopes,
        expiresAt: data.expiresAt ?? null,
        rateLimit: data.rateLimit ?? null,
        ipAllowlist: data.ipAllowlist ?? undefined,
      },
    });
    // A lookup of this secret before it existed may have been cached as "no such key".
    await bus.publish({ hash });
    return { key: serializeApiKey(row), secret };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError(409, "invalid_request", "api_key_exists", "An API key with this secret already exists.");
    }
    throw error;
  }
}

/** Revokes at once, in this process and (through the bus) in every other. */
export async function revokeApiKey({ db, bus, now }: Context, { keyId }: { keyId: string }): Promise<ApiKeyView> {
  const row = await db.apiKey.update({ where: { id: keyId }, data: { status: "revoked", revokedAt: now() } });
  await bus.publish({ keyId });
  return serializeApiKey(row);
}

/**
 * Rolls a key: a new secret with the same owner, mode, scopes and limits; the old secret keeps working for
 * `graceSeconds` (0 = stops now) and then gets 401 expired_api_key.
 */
export async function rollApiKey(
  { db, bus, now: clock }: Context,
  { keyId, graceSeconds, createdById }: { keyId: string; graceSeconds: number; createdById?: string | null },
): Promise<{ key: ApiKeyView; secret: string; rolled: ApiKeyView }> {
  const now = clock();
  const old = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
  const secret = generateSecret(old.mode as KeyMode);
  const [rolled, created] = await db.$transaction([
    db.apiKey.update({ where: { id: keyId }, data: { graceEndsAt: new Date(now.getTime() + graceSeconds * 1000) } }),
    db.apiKey.create({
      data: {
        id: newKeyId(),
        merchantId: old.merchantId,
        applicationId: old.applicationId,
        createdById: createdById ?? old.createdById,
        name: old.name,
        mode: old.mode,
        prefix: displayPrefix(secret),
        hash: hashSecret(secret),
        scopes: old.scopes ?? [],
        expiresAt: old.expiresAt,
        rateLimit: old.rateLimit,
        ipAllowlist: old.ipAllowlist ?? undefined,
        rolledFromId: old.id,
        claimedAt: old.claimedAt,
      },
    }),
  ]);
  await bus.publish({ keyId, hash: created.hash });
  return { key: serializeApiKey(created, now), secret, rolled: serializeApiKey(rolled, now) };
}

export async function updateApiKey(
  { db, bus }: Context,
  { keyId, changes }: { keyId: string; changes: UpdateApiKeyInput },
): Promise<ApiKeyView> {
  const { name, scopes } = changes;
  const row = await db.apiKey.update({
    where: { id: keyId },
    data: { name, ...(scopes !== undefined && { scopes: scopesFromJson(scopes) }) },
  });
  await bus.publish({ keyId });
  return serializeApiKey(row);
}

export type ApplicationRow = Awaited<ReturnType<Db["application"]["findUniqueOrThrow"]>>;

/** Another merchant's application does not exist for this caller: 404, never 403. */
export async function findApplication(db: DbTx, merchantId: string, id: string): Promise<ApplicationRow> {
  const row = await db.application.findFirst({ where: { id, merchantId } });
  if (!row) throw notFound("application", id);
  return row;
}

async function findApplicationKey(
  db: DbTx,
  { merchantId, applicationId, keyId }: { merchantId: string; applicationId: string; keyId: string },
): Promise<KeyRow> {
  await findApplication(db, merchantId, applicationId);
  const row = await db.apiKey.findFirst({ where: { id: keyId, applicationId, merchantId } });
  if (!row)
    throw new ApiError(404, "not_found", "resource_missing", `No such API key: '${keyId}'.`, { param: "keyId" });
  return row;
}

/** "Create key" in an application: within the application's and the plan's limits of active keys. */
export async function createApplicationKey(
  ctx: Context,
  input: { merchant: KeyLimitedMerchant; applicationId: string; key: CreateApplicationKeyInput; createdById: string },
) {
  const { merchant, applicationId, createdById } = input;
  await findApplication(ctx.db, merchant.id, applicationId);
  await assertKeyLimits(ctx.db, { merchant, applicationId, now: ctx.now() });
  const { description, ...rest } = input.key;
  return createApiKey(ctx, {
    owner: { merchantId: merchant.id, applicationId, createdById },
    key: { ...rest, name: description },
  });
}

export async function revokeApplicationKey(
  ctx: Context,
  target: { merchantId: string; applicationId: string; keyId: string },
) {
  const row = await findApplicationKey(ctx.db, target);
  if (row.status === "revoked") {
    throw new ApiError(400, "invalid_request", "api_key_already_revoked", "This API key is already revoked.");
  }
  return revokeApiKey(ctx, { keyId: row.id });
}

/** Renames or re-scopes an application's key; a revoked key can no longer be changed. */
export async function updateApplicationKey(
  ctx: Context,
  target: { merchantId: string; applicationId: string; keyId: string; changes: UpdateApiKeyInput },
) {
  const row = await findApplicationKey(ctx.db, target);
  if (row.status === "revoked") {
    throw new ApiError(
      400,
      "invalid_request",
      "api_key_already_revoked",
      "This API key is revoked and can no longer be changed.",
    );
  }
  return updateApiKey(ctx, { keyId: row.id, changes: target.changes });
}

/**
 * Rolls an application's key. Only an active key that is not already rolled can be: a rolled key's grace period can
 * never be extended by rolling it again (roll its successor instead). While the grace period runs both keys are
 * active, so a roll with one needs room under the application's and the plan's limits; a roll "now" does not.
 */
export async function rollApplicationKey(
  ctx: Context,
  input: {
    merchant: KeyLimitedMerchant;
    applicationId: string;
    keyId: string;
    gracePeriod: GracePeriod;
    userId: string;
  },
) {
  const { merchant, applicationId, keyId, gracePeriod } = input;
  const now = ctx.now();
  const row = await findApplicationKey(ctx.db, { merchantId: merchant.id, applicationId, keyId });
  if (keyStatus(row, now) !== "active") {
    throw new ApiError(400, "invalid_request", "api_key_not_active", "Only an active API key can be rolled.");
  }
  if (row.graceEndsAt !== null) {
    throw new ApiError(
      400,
      "invalid_request",
      "api_key_already_rolled",
      "This API key was already rolled and works only until its grace period ends. Roll its successor instead.",
    );
  }
  const graceSeconds = GRACE_PERIODS[gracePeriod];
  if (graceSeconds > 0) await assertKeyLimits(ctx.db, { merchant, applicationId, now });
  return rollApiKey(ctx, { keyId, graceSeconds, createdById: input.userId });
}

/** How many active keys of a mode the merchant has (the dashboard's home page). */
export function countActiveKeys({ db, now }: Context, { merchantId, mode }: { merchantId: string; mode: KeyMode }) {
  return db.apiKey.count({ where: { merchantId, mode, ...activeKeyWhere(now()) } });
}

/** The status filter of the keys list as a query: the same rule as `keyStatus`. */
function statusWhere(status: ApiKeyStatus | undefined, now: Date) {
  if (status === "active") return activeKeyWhere(now);
  if (status === "revoked") return { status: "revoked" };
  if (status === "expired")
    return { status: "active", OR: [{ expiresAt: { lte: now } }, { graceEndsAt: { lte: now } }] };
  return {};
}

// SQLite's LIKE ignores ASCII case already; PostgreSQL's needs Prisma's ILIKE mode (the SQLite client has no such field).
const CASE_INSENSITIVE = engineOf(config.DATABASE_URL) === "postgresql" ? { mode: "insensitive" as const } : {};

/** A name anywhere, or the display prefix from its start (a pasted `ck_test_a1B2…` or a whole key finds it too). */
function searchWhere(q: string | undefined) {
  if (!q) return {};
  const prefix = q.replace(/…$/, "").slice(0, DISPLAY_PREFIX_LENGTH);
  return { OR: [{ name: { contains: q, ...CASE_INSENSITIVE } }, { prefix: { startsWith: prefix } }] };
}

/** Keys created after the cursor key come first, so the next page is what sorts after it (ties broken by id). */
async function afterCursor(db: DbTx, merchantId: string, cursor: string | undefined) {
  if (!cursor) return {};
  const last = await db.apiKey.findFirst({ where: { id: cursor, merchantId }, select: { createdAt: true } });
  if (!last) {
    throw new ApiError(400, "invalid_request", "parameter_invalid", `No API key '${cursor}' to start after.`, {
      param: "starting_after",
    });
  }
  return { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: cursor } }] };
}

/**
 * One page of the merchant's keys, newest first, for the dashboard's API keys page: one query on the
 * (merchantId, mode, createdAt, id) index, plus one for the cursor's key. `limit + 1` rows tell whether there is more.
 */
export async function listMerchantKeys(
  { db, now: clock }: Context,
  { merchantId, query }: { merchantId: string; query: ApiKeyListQuery },
) {
  const now = clock();
  const rows = await db.apiKey.findMany({
    where: {
      merchantId,
      ...(query.applicationId ? { applicationId: query.applicationId } : {}),
      ...(query.mode ? { mode: query.mode } : {}),
      AND: [
        statusWhere(query.status, now),
        searchWhere(query.q),
        await afterCursor(db, merchantId, query.starting_after),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { application: { select: { id: true, name: true } } },
  });
  const page = rows.slice(0, query.limit);
  const weeks = await weeklyRequests(
    db,
    page.map((row) => row.id),
    now,
  );
  return {
    items: page.map((row) => ({
      ...serializeApiKey(row, now),
      application: row.application,
      usage7d: weeks.get(row.id) ?? [],
    })),
    has_more: rows.length > query.limit,
  };
}
