import type { z } from "zod";
import { config } from "../config";
import type { Db } from "../db";
import { ApiError } from "../api/errors";
import { newObjectId } from "../api/ids";
import { createApiKey, keyStatus, revokeApiKey, rollApiKey, serializeApiKey, type ApiKeyView } from "../auth/keys";
import type { InvalidationBus } from "../auth/invalidation";
import type {
  apiKeyListQuerySchema,
  applicationListQuerySchema,
  createApplicationKeySchema,
  createApplicationSchema,
} from "../validation/applications";
import { GRACE_PERIODS } from "../validation/applications";

type ApplicationRow = Awaited<ReturnType<Db["application"]["findUniqueOrThrow"]>>;
type KeyRow = Awaited<ReturnType<Db["apiKey"]["findUniqueOrThrow"]>>;

const stringList = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

export function serializeApplication(row: ApplicationRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isEnabled: row.isEnabled,
    allowedOrigins: stringList(row.allowedOrigins),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A key as listed under its application: never a secret. */
export function keySummary(row: KeyRow) {
  return { id: row.id, keyPrefix: row.prefix, description: row.name, mode: row.mode, status: keyStatus(row) };
}

const applicationMissing = (id: string) =>
  new ApiError(404, "not_found", "resource_missing", `No such application: '${id}'.`, { param: "id" });

/** Another merchant's application does not exist for this caller: 404, never 403. */
export async function findApplication(db: Db, merchantId: string, id: string): Promise<ApplicationRow> {
  const row = await db.application.findFirst({ where: { id, merchantId } });
  if (!row) throw applicationMissing(id);
  return row;
}

export async function createApplication(db: Db, merchantId: string, input: z.infer<typeof createApplicationSchema>) {
  try {
    const row = await db.application.create({
      data: {
        id: newObjectId("app"),
        merchantId,
        name: input.name,
        description: input.description ?? null,
        allowedOrigins: input.allowedOrigins,
      },
    });
    return serializeApplication(row);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError(
        409,
        "invalid_request",
        "application_exists",
        `An application named '${input.name}' already exists for your merchant account.`,
        { param: "name" },
      );
    }
    throw error;
  }
}

export async function listApplications(db: Db, merchantId: string, query: z.infer<typeof applicationListQuerySchema>) {
  const [totalItems, rows] = await Promise.all([
    db.application.count({ where: { merchantId } }),
    db.application.findMany({
      where: { merchantId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      include: query.include === "apiKeys" ? { apiKeys: { orderBy: { createdAt: "desc" } } } : undefined,
    }),
  ]);
  const totalPages = Math.ceil(totalItems / query.limit);
  return {
    items: rows.map((row) => ({
      ...serializeApplication(row),
      ...("apiKeys" in row && Array.isArray(row.apiKeys) ? { apiKeys: (row.apiKeys as KeyRow[]).map(keySummary) } : {}),
    })),
    page: query.page,
    limit: query.limit,
    totalItems,
    totalPages,
    hasPreviousPage: query.page > 1,
    hasNextPage: query.page < totalPages,
  };
}

/** Disabling blocks every key of the application at once, in every process. */
export async function setApplicationEnabled(
  db: Db,
  bus: InvalidationBus,
  merchantId: string,
  id: string,
  isEnabled: boolean,
) {
  await findApplication(db, merchantId, id);
  const row = await db.application.update({ where: { id }, data: { isEnabled } });
  await bus.publish({ applicationId: id });
  return serializeApplication(row);
}

/** The merchant's active-key limit from its plan (free: 10 unless the merchant has its own limit). */
export function merchantKeyLimit(merchant: { plan: string; keyLimit: number | null }): number {
  return merchant.keyLimit ?? config.FREE_PLAN_KEY_LIMIT;
}

async function assertKeyLimits(
  db: Db,
  merchant: { id: string; plan: string; keyLimit: number | null },
  applicationId: string,
  now = new Date(),
) {
  const active = {
    status: "active",
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    AND: [{ OR: [{ graceEndsAt: null }, { graceEndsAt: { gt: now } }] }],
  };
  const [inApplication, inMerchant] = await Promise.all([
    db.apiKey.count({ where: { applicationId, ...active } }),
    db.apiKey.count({ where: { merchantId: merchant.id, ...active } }),
  ]);
  // APPLICATION_KEY_LIMIT: the management API's "maximum number of API keys" of one application.
  if (inApplication >= config.APPLICATION_KEY_LIMIT) {
    throw new ApiError(
      400,
      "invalid_request",
      "application_key_limit_reached",
      `This application already has the maximum of ${config.APPLICATION_KEY_LIMIT} active API keys. Revoke one first.`,
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

export async function createApplicationKey(
  db: Db,
  bus: InvalidationBus,
  merchant: { id: string; plan: string; keyLimit: number | null },
  applicationId: string,
  input: z.infer<typeof createApplicationKeySchema>,
  createdById: string,
): Promise<{ key: ApiKeyView; secret: string }> {
  await findApplication(db, merchant.id, applicationId);
  await assertKeyLimits(db, merchant, applicationId);
  const { description, ...rest } = input;
  return createApiKey(db, bus, { merchantId: merchant.id, applicationId, createdById }, { ...rest, name: description });
}

/** The key creation response: the only place the full key ever appears. */
export function createdKeyResponse({ key, secret }: { key: ApiKeyView; secret: string }) {
  return { ...key, applicationId: key.applicationId, fullKey: secret, keyPrefix: key.prefix, description: key.name };
}

async function findApplicationKey(db: Db, merchantId: string, applicationId: string, keyId: string): Promise<KeyRow> {
  await findApplication(db, merchantId, applicationId);
  const row = await db.apiKey.findFirst({ where: { id: keyId, applicationId, merchantId } });
  if (!row)
    throw new ApiError(404, "not_found", "resource_missing", `No such API key: '${keyId}'.`, { param: "keyId" });
  return row;
}

export async function revokeApplicationKey(
  db: Db,
  bus: InvalidationBus,
  merchantId: string,
  applicationId: string,
  keyId: string,
) {
  const row = await findApplicationKey(db, merchantId, applicationId, keyId);
  if (row.status === "revoked")
    throw new ApiError(400, "invalid_request", "api_key_already_revoked", "This API key is already revoked.");
  return revokeApiKey(db, bus, keyId);
}

export async function rollApplicationKey(
  db: Db,
  bus: InvalidationBus,
  merchantId: string,
  applicationId: string,
  keyId: string,
  gracePeriod: keyof typeof GRACE_PERIODS,
  userId: string,
) {
  const row = await findApplicationKey(db, merchantId, applicationId, keyId);
  if (keyStatus(row) !== "active")
    throw new ApiError(400, "invalid_request", "api_key_not_active", "Only an active API key can be rolled.");
  return rollApiKey(db, bus, keyId, GRACE_PERIODS[gracePeriod], { createdById: userId });
}

/** Every key of the merchant, newest first, for the dashboard's API keys page. */
export async function listMerchantKeys(db: Db, merchantId: string, query: z.infer<typeof apiKeyListQuerySchema>) {
  const rows = await db.apiKey.findMany({
    where: {
      merchantId,
      ...(query.applicationId ? { applicationId: query.applicationId } : {}),
      ...(query.mode ? { mode: query.mode } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { application: { select: { id: true, name: true } } },
  });
  return rows
    .map((row) => ({ ...serializeApiKey(row), application: row.application }))
    .filter((key) => !query.status || key.status === query.status);
}
