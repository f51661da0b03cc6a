import type { Db } from "../db";
import { ApiError } from "../api/errors";
import { parseInput } from "../api/validation";
import { createApiKeySchema, type CreateApiKeyInput } from "../validation/api-keys";
import { hashSecret } from "./hash";
import { displayPrefix, generateSecret, newKeyId, type KeyMode } from "./key-format";
import type { InvalidationBus } from "./invalidation";
import { scopesFromJson } from "./scopes";

export interface KeyOwner {
  merchantId: string | null;
  applicationId: string | null;
  createdById?: string | null;
  createdIp?: string | null;
}

type ApiKeyRow = Awaited<ReturnType<Db["apiKey"]["findUniqueOrThrow"]>>;
export type ApiKeyStatus = "active" | "revoked" | "expired";

export function keyStatus(
  row: Pick<ApiKeyRow, "status" | "expiresAt" | "graceEndsAt">,
  now = new Date(),
): ApiKeyStatus {
  if (row.status === "revoked") return "revoked";
  if ((row.expiresAt && row.expiresAt <= now) || (row.graceEndsAt && row.graceEndsAt <= now)) return "expired";
  return "active";
}

/** A key as every route and page shows it: never its secret or hash. */
export function serializeApiKey(row: ApiKeyRow) {
  return {
    id: row.id,
    object: "api_key" as const,
    name: row.name,
    mode: row.mode as KeyMode,
    prefix: row.prefix,
    scopes: scopesFromJson(row.scopes),
    status: keyStatus(row),
    applicationId: row.applicationId,
    merchantId: row.merchantId,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    graceEndsAt: row.graceEndsAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    rolledFromId: row.rolledFromId,
    /** Set when an unclaimed key was linked to a merchant ("Link existing key"). */
    claimedAt: row.claimedAt?.toISOString() ?? null,
    rateLimit: row.rateLimit,
    ipAllowlist: Array.isArray(row.ipAllowlist) ? (row.ipAllowlist as string[]) : null,
  };
}
export type ApiKeyView = ReturnType<typeof serializeApiKey>;

/**
 * Creates a key and returns its secret: the only moment the secret exists outside the caller's hands.
 * Only its SHA-256 is stored. `secret` lets unclaimed-key creation supply a caller-chosen value.
 */
export async function createApiKey(
  db: Db,
  bus: InvalidationBus,
  owner: KeyOwner,
  input: CreateApiKeyInput,
  options: { secret?: string } = {},
): Promise<{ key: ApiKeyView; secret: string }> {
  const data = parseInput(createApiKeySchema, input);
  const secret = options.secret ?? generateSecret(data.mode);
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
export async function revokeApiKey(db: Db, bus: InvalidationBus, keyId: string, now = new Date()): Promise<ApiKeyView> {
  const row = await db.apiKey.update({ where: { id: keyId }, data: { status: "revoked", revokedAt: now } });
  await bus.publish({ keyId });
  return serializeApiKey(row);
}

/**
 * Rolls a key: a new secret with the same owner, mode, scopes and limits; the old secret keeps working for
 * `graceSeconds` (0 = stops now) and then gets 401 expired_api_key.
 */
export async function rollApiKey(
  db: Db,
  bus: InvalidationBus,
  keyId: string,
  graceSeconds: number,
  actor: { createdById?: string | null } = {},
  now = new Date(),
): Promise<{ key: ApiKeyView; secret: string; rolled: ApiKeyView }> {
  const old = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
  const secret = generateSecret(old.mode as KeyMode);
  const [rolled, created] = await db.$transaction([
    db.apiKey.update({ where: { id: keyId }, data: { graceEndsAt: new Date(now.getTime() + graceSeconds * 1000) } }),
    db.apiKey.create({
      data: {
        id: newKeyId(),
        merchantId: old.merchantId,
        applicationId: old.applicationId,
        createdById: actor.createdById ?? old.createdById,
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
  await bus.publish({ keyId });
  return { key: serializeApiKey(created), secret, rolled: serializeApiKey(rolled) };
}

export async function updateApiKeyScopes(
  db: Db,
  bus: InvalidationBus,
  keyId: string,
  scopes: string[],
): Promise<ApiKeyView> {
  const row = await db.apiKey.update({ where: { id: keyId }, data: { scopes: scopesFromJson(scopes) } });
  await bus.publish({ keyId });
  return serializeApiKey(row);
}
