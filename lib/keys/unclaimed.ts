import { config } from "../config";
import type { Context } from "../context";
import type { Db } from "../db";
import { SCOPES } from "../contract/scopes";
import type { LinkApiKeyInput } from "../contract/api-keys";
import type { CreateUnclaimedKeyInput } from "../contract/unclaimed-keys";
import { ApiError } from "../http/errors";
import { hashSecret } from "./hash";
import { classifySecret } from "./format";
import { authRuntime } from "./runtime";
import { assertKeyLimits, createApiKey, findApplication, serializeApiKey, type KeyLimitedMerchant } from "./lifecycle";

/**
 * An unclaimed key: test mode, every scope, a lower rate limit, its own sandbox (its objects' owner is the key
 * itself), expiring after UNCLAIMED_KEY_TTL_DAYS unless a merchant links it.
 */
export async function createUnclaimedKey(
  ctx: Context,
  { key: input, clientIp }: { key: CreateUnclaimedKeyInput; clientIp: string | null },
) {
  const secret = input.key || undefined;
  if (secret?.startsWith("ck_") && classifySecret(secret).kind !== "product") {
    throw new ApiError(
      400,
      "invalid_request",
      "parameter_invalid",
      'Invalid key: a key starting with ck_ must be a valid key in the ck_test_ format (with its checksum); omit "key" to have one generated.',
      { param: "key" },
    );
  }
  const expiresAt = new Date(ctx.now().getTime() + config.UNCLAIMED_KEY_TTL_DAYS * 86_400_000);
  const { key, secret: created } = await createApiKey(ctx, {
    owner: { merchantId: null, applicationId: null, createdIp: clientIp },
    key: {
      name: input.label || "Unclaimed key",
      mode: "test",
      scopes: [...SCOPES],
      expiresAt,
      rateLimit: config.UNCLAIMED_KEY_RATE_LIMIT,
    },
    secret,
  });
  return {
    id: key.id,
    label: key.name,
    key: created,
    mode: "test" as const,
    claimed: false as const,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Every model whose rows belong to an owner (a merchant, or an unclaimed key's sandbox) through `ownerId`.
 * Claiming moves them all; the cleanup deletes them all (webhook deliveries follow their endpoint by cascade).
 */
function ownedModels(db: Db) {
  return [db.paymentLink, db.customer, db.checkoutSession, db.event, db.webhookEndpoint] as unknown as Array<{
    updateMany(args: {
      where: { ownerId: string };
      data: { ownerId: string };
    }): ReturnType<Db["paymentLink"]["updateMany"]>;
    deleteMany(args: { where: { ownerId: string } }): ReturnType<Db["paymentLink"]["deleteMany"]>;
  }>;
}

function reassignOwnedObjects(db: Db, from: string, to: string) {
  return ownedModels(db).map((model) => model.updateMany({ where: { ownerId: from }, data: { ownerId: to } }));
}

function deleteOwnedObjects(db: Db, owner: string) {
  return ownedModels(db).map((model) => model.deleteMany({ where: { ownerId: owner } }));
}

const notLinkable = () =>
  new ApiError(400, "invalid_request", "key_not_linkable", "This key can't be linked.", { param: "key" });

/**
 * "Link existing key": an unclaimed, live key joins the merchant and application, keeps working, stops expiring,
 * and its sandbox objects move with it. Every refusal reads the same, so linking reveals nothing about other keys.
 */
export async function linkApiKey(
  { db, bus, now: clock }: Context,
  { merchant, userId, link: input }: { merchant: KeyLimitedMerchant; userId: string; link: LinkApiKeyInput },
) {
  const attempts = await authRuntime.rateLimiter.consume(
    `link:${userId}`,
    config.LINK_ATTEMPTS_PER_USER_PER_HOUR,
    3_600_000,
  );
  if (!attempts.allowed) {
    throw new ApiError(429, "rate_limited", "rate_limited", "Too many link attempts. Try again later.", {
      headers: { "Retry-After": String(attempts.resetSeconds) },
    });
  }
  const now = clock();
  const application = await findApplication(db, merchant.id, input.applicationId);
  // Linking into a disabled application would make a working key stop at once: refuse it, and say why.
  if (!application.isEnabled) {
    throw new ApiError(
      400,
      "invalid_request",
      "application_disabled",
      "This application is disabled: enable it first, or link the key to another application.",
      { param: "applicationId" },
    );
  }
  if (classifySecret(input.key).kind === "malformed") throw notLinkable();
  const row = await db.apiKey.findUnique({ where: { hash: hashSecret(input.key) } });
  if (!row || row.merchantId !== null || row.status !== "active" || (row.expiresAt && row.expiresAt <= now))
    throw notLinkable();

  await assertKeyLimits(db, { merchant, applicationId: input.applicationId, now });
  // `merchantId: null` in the update makes a concurrent second claim fail (P2025) instead of stealing the key.
  const [claimed] = await db
    .$transaction([
      db.apiKey.update({
        where: { id: row.id, merchantId: null },
        data: {
          merchantId: merchant.id,
          applicationId: input.applicationId,
          claimedAt: now,
          expiresAt: null,
          rateLimit: null,
          ...(input.scopes !== undefined && { scopes: input.scopes }),
        },
      }),
      ...reassignOwnedObjects(db, row.id, merchant.id),
    ])
    .catch((error: unknown) => {
      throw (error as { code?: string }).code === "P2025" ? notLinkable() : error;
    });
  await bus.publish({ keyId: row.id });
  return serializeApiKey(claimed);
}

/** The cleanup job: expired unclaimed keys lose their sandbox objects (the key row stays, answering 401 expired). */
export async function removeExpiredSandboxes({ db, now: clock }: Context): Promise<number> {
  const now = clock();
  const expired = await db.apiKey.findMany({
    where: { merchantId: null, expiresAt: { lte: now } },
    select: { id: true },
  });
  for (const { id } of expired) await db.$transaction(deleteOwnedObjects(db, id));
  return expired.length;
}
