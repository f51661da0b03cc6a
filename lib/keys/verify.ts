import type { Db } from "../db";
import { Prisma } from "../db/generated/sqlite/client";
import type { RateLimitDecision, RateLimiter } from "../http/rate-limit";
import { andThen, type MaybePromise } from "../http/maybe";
import { hashesEqual, hashSecret } from "./hash";
import { ipMatcher } from "./ip-allowlist";
import type { CachedKey, KeyCache } from "./cache";
import type { KnownKeys } from "./known-keys";
import { classifySecret, type KeyMode } from "./format";
import { scopesFromJson, type Scope } from "../contract/scopes";
import { metrics, rateLimitDecisions } from "../metrics";

export type VerifyFailureCode =
  | "invalid_api_key"
  | "revoked_api_key"
  | "expired_api_key"
  | "application_disabled"
  | "origin_not_allowed"
  | "ip_not_allowed"
  | "missing_scope"
  | "rate_limited";

/**
 * `allowedOrigin`: the request's Origin once the key's application is known to allow it, so the answer (a success,
 * or a refusal after the origin check) is readable from that origin's pages.
 */
export type VerifyResult =
  | { ok: true; key: CachedKey; rate: RateLimitDecision; allowedOrigin?: string }
  | {
      ok: false;
      status: 401 | 403 | 429;
      type: "authentication" | "permission" | "rate_limited";
      code: VerifyFailureCode;
      message: string;
      rate?: RateLimitDecision;
      allowedOrigin?: string;
      /** The key that was refused, once it is known (revoked, expired, …, rate limited): the request log names it. */
      key?: CachedKey;
    };

export interface VerifyInput {
  secret: string;
  /** The public id sent beside the secret (X-Api-Key-Id); it must name the same key. */
  claimedKeyId?: string;
  origin: string | null;
  /** Read only for keys with an IP allowlist. */
  clientIp: () => string | null;
  scope?: Scope;
}

export interface VerifierDeps {
  db: Db;
  cache: KeyCache;
  rateLimiter: RateLimiter;
  defaultRateLimit: number;
  /**
   * Unknown keys one client IP may present a minute; past it, a secret `known` has never seen gets 429 with no
   * query, while every key the database holds is still looked up.
   */
  failedLookupLimit?: number;
  known?: KnownKeys;
  now?: () => Date;
}

const FAILED_LOOKUP_WINDOW_MS = 60_000;

const invalid = {
  ok: false,
  status: 401,
  type: "authentication",
  code: "invalid_api_key",
  message: "No valid API key was provided.",
} as const;

function fail(
  key: CachedKey,
  status: 401 | 403,
  code: VerifyFailureCode,
  message: string,
  allowedOrigin?: string,
): VerifyResult {
  const type = status === 401 ? "authentication" : "permission";
  return { ok: false, status, type, code, message, allowedOrigin, key };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** The columns `loadKey` reads: the key's, its application's and its merchant's (null when it has none). */
interface KeyRow {
  id: string;
  hash: string;
  name: string;
  prefix: string;
  mode: string;
  scopes: unknown;
  status: string;
  expiresAt: Date | null;
  graceEndsAt: Date | null;
  rateLimit: number | null;
  ipAllowlist: unknown;
  merchantId: string | null;
  merchantName: string | null;
  applicationId: string | null;
  applicationName: string | null;
  applicationIsEnabled: boolean | null;
  applicationAllowedOrigins: unknown;
}

/**
 * Reads one key (with its application and merchant) by secret hash: the only query the verifier ever makes. It is
 * one statement with two joins, the same SQL on both engines (the driver types the columns, so dates, booleans and
 * JSON arrive as they would from the model API): `findUnique` with two `include`s cost about 2.7 times its CPU,
 * which every cold key (each key after a restart) pays (docs/performance.md). The stored hash is compared with the
 * presented one in constant time here, before the key can enter the cache; a cache hit is found by the full digest,
 * so there is nothing left to compare on the hot path.
 */
export async function loadKey(db: Db, hash: string): Promise<CachedKey | null> {
  const [row] = await db.$queryRaw<KeyRow[]>(Prisma.sql`
    SELECT k."id", k."hash", k."name", k."prefix", k."mode", k."scopes", k."status", k."expiresAt", k."graceEndsAt",
      k."rateLimit", k."ipAllowlist", m."id" AS "merchantId", m."name" AS "merchantName",
      a."id" AS "applicationId", a."name" AS "applicationName", a."isEnabled" AS "applicationIsEnabled",
      a."allowedOrigins" AS "applicationAllowedOrigins"
    FROM "ApiKey" AS k
      LEFT JOIN "Merchant" AS m ON m."id" = k."merchantId"
      LEFT JOIN "Application" AS a ON a."id" = k."applicationId"
    WHERE k."hash" = ${hash}`);
  if (!row || !hashesEqual(row.hash, hash)) return null;
  const scopes = scopesFromJson(row.scopes);
  const mode = row.mode as KeyMode;
  const merchant = row.merchantId === null ? null : { id: row.merchantId, name: row.merchantName ?? "" };
  const application = row.applicationId === null ? null : { id: row.applicationId, name: row.applicationName ?? "" };
  return {
    id: row.id,
    hash: row.hash,
    mode,
    scopes: new Set(scopes),
    status: row.status === "active" ? "active" : "revoked",
    expiresAt: row.expiresAt,
    graceEndsAt: row.graceEndsAt,
    rateLimit: row.rateLimit,
    ipAllowlist: row.ipAllowlist === null ? null : stringList(row.ipAllowlist),
    merchant,
    application: application && {
      ...application,
      isEnabled: row.applicationIsEnabled === true,
      allowedOrigins: stringList(row.applicationAllowedOrigins),
    },
    principal: {
      key: { id: row.id, name: row.name, prefix: row.prefix, mode, scopes },
      merchant,
      application,
      livemode: mode === "live",
      owner: { ownerId: merchant?.id ?? row.id, livemode: mode === "live" },
    },
  };
}

const matchers = new WeakMap<readonly string[], (ip: string) => boolean>();
function ipAllowed(allowlist: readonly string[], ip: string | null): boolean {
  if (!ip) return false;
  let matcher = matchers.get(allowlist);
  if (!matcher) matchers.set(allowlist, (matcher = ipMatcher(allowlist)));
  return matcher(ip);
}

function lookupRefused(limit: number, resetSeconds: number): VerifyResult {
  rateLimitDecisions.unknown_keys.refused.inc();
  return {
    ok: false,
    status: 429,
    type: "rate_limited",
    code: "rate_limited",
    message: "Too many unknown API keys were sent from your address. Retry after the time in the Retry-After header.",
    rate: { allowed: false, limit, remaining: 0, resetSeconds: Math.max(1, resetSeconds) },
  };
}

/**
 * THE key verifier. Fixed order: format -> exists -> revoked -> expired -> application enabled -> origin -> IP
 * -> scope -> rate limit. A malformed `ck_` string is refused before any lookup; a known key costs no query.
 *
 * It returns synchronously when the key is cached and the rate limiter answers from memory (in-process, or from the
 * process's Redis lease: the steady state of the hot path, no promise, no microtask), and a promise when it has to
 * wait for the database or Redis.
 */
export function verifyApiKey(input: VerifyInput, deps: VerifierDeps): MaybePromise<VerifyResult> {
  const hash = hashSecret(input.secret);
  // A cached entry was looked up after its format was checked, so a hit needs no second format check; a
  // malformed string is never cached and still never reaches the database.
  const cached = deps.cache.peek(hash);
  if (cached !== undefined) {
    metrics.keyCacheHits.inc();
    return checkKey(cached, input, deps);
  }
  if (classifySecret(input.secret).kind === "malformed") return invalid;
  metrics.keyCacheMisses.inc();
  return lookUp(hash, input, deps);
}

const failedBucket = (input: VerifyInput) => `failed-lookup:${input.clientIp() ?? "unknown"}`;

/**
 * A cache miss: the only path that queries the database. An address already past its limit of unknown keys has a
 * secret looked up only if `known` says a key with its hash may exist, so guessing costs the database nothing and a
 * real key (even one made a second ago) is never locked out. A secret no key has is counted after its lookup, and
 * the count decides between 401 and 429 in one atomic step, so concurrent guesses (through any number of processes)
 * are answered 401 at most `failedLookupLimit` times a window.
 */
async function lookUp(hash: string, input: VerifyInput, deps: VerifierDeps): Promise<VerifyResult> {
  const limit = deps.failedLookupLimit;
  if (limit !== undefined) {
    const failed = await deps.rateLimiter.peek(failedBucket(input));
    if (failed.count >= limit && !(await (deps.known?.mayExist(hash) ?? false)))
      return lookupRefused(limit, failed.resetSeconds);
  }
  const key = await deps.cache.get(hash, (missing) => loadKey(deps.db, missing));
  return checkKey(key, input, deps);
}

function checkKey(key: CachedKey | null, input: VerifyInput, deps: VerifierDeps): MaybePromise<VerifyResult> {
  if (!key || (input.claimedKeyId !== undefined && input.claimedKeyId !== key.id)) {
    const limit = deps.failedLookupLimit;
    if (limit === undefined) return invalid;
    const counted = deps.rateLimiter.consume(failedBucket(input), limit, FAILED_LOOKUP_WINDOW_MS);
    return andThen(counted, (decision) => (decision.allowed ? invalid : lookupRefused(limit, decision.resetSeconds)));
  }

  if (key.status === "revoked") return fail(key, 401, "revoked_api_key", "This API key has been revoked.");
  if (key.expiresAt || key.graceEndsAt) {
    const now = deps.now?.() ?? new Date();
    if ((key.expiresAt && key.expiresAt <= now) || (key.graceEndsAt && key.graceEndsAt <= now)) {
      return fail(key, 401, "expired_api_key", "This API key has expired.");
    }
  }
  if (key.application && !key.application.isEnabled) {
    return fail(key, 401, "application_disabled", `The application '${key.application.name}' is disabled.`);
  }
  if (input.origin !== null && !(key.application?.allowedOrigins.includes(input.origin) ?? false)) {
    return fail(
      key,
      403,
      "origin_not_allowed",
      `Requests from origin '${input.origin}' are not allowed for this API key's application.`,
    );
  }
  const allowedOrigin = input.origin ?? undefined;
  if (key.ipAllowlist) {
    const ip = input.clientIp();
    if (!ipAllowed(key.ipAllowlist, ip)) {
      return fail(
        key,
        403,
        "ip_not_allowed",
        `Requests from IP address '${ip ?? "unknown"}' are not allowed for this API key.`,
        allowedOrigin,
      );
    }
  }
  if (input.scope && !key.scopes.has(input.scope)) {
    return fail(
      key,
      403,
      "missing_scope",
      `This API key does not have the '${input.scope}' scope required for this request.`,
      allowedOrigin,
    );
  }

  const rate = deps.rateLimiter.consume(`key:${key.id}`, key.rateLimit ?? deps.defaultRateLimit, 60_000);
  return rate instanceof Promise
    ? rate.then((decided) => admit(key, decided, allowedOrigin))
    : admit(key, rate, allowedOrigin);
}

function admit(key: CachedKey, rate: RateLimitDecision, allowedOrigin: string | undefined): VerifyResult {
  (rate.allowed ? rateLimitDecisions.api_key.allowed : rateLimitDecisions.api_key.refused).inc();
  if (!rate.allowed) {
    return {
      ok: false,
      status: 429,
      type: "rate_limited",
      code: "rate_limited",
      message: "Too many requests. Retry after the time in the Retry-After header.",
      rate,
      allowedOrigin,
      key,
    };
  }
  return { ok: true, key, rate, allowedOrigin };
}
