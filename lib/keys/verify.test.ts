import { afterEach, describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "../http/rate-limit";
import { db } from "../db";
import { createApplication, createKey } from "@/test/support/fixtures";
import { queryCount } from "@/test/support/query-count";
import { KeyCache } from "./cache";
import { generateSecret } from "./format";
import { revokeApiKey, rollApiKey, updateApiKey } from "./lifecycle";
import { appContext, authRuntime } from "./runtime";
import { verifyApiKey, type VerifierDeps, type VerifyInput } from "./verify";

const deps = (overrides: Partial<VerifierDeps> = {}): VerifierDeps => ({
  db,
  cache: authRuntime.cache,
  rateLimiter: new MemoryRateLimiter(),
  defaultRateLimit: 600,
  ...overrides,
});
const input = (
  secret: string,
  extra: Partial<Omit<VerifyInput, "clientIp">> & { clientIp?: string | null } = {},
): VerifyInput => {
  const { clientIp = "203.0.113.1", ...rest } = extra;
  return { secret, origin: null, ...rest, clientIp: () => clientIp };
};
const codeOf = (result: Awaited<ReturnType<typeof verifyApiKey>>) =>
  result.ok ? "ok" : `${result.status} ${result.code}`;

afterEach(() => authRuntime.cache.clear());

describe("verifyApiKey", () => {
  it("accepts a valid key and then serves it with no database query", async () => {
    const { secret, key } = await createKey();
    const first = await verifyApiKey(input(secret), deps());
    expect(first.ok && first.key.id).toBe(key.id);
    const before = queryCount();
    for (let i = 0; i < 20; i += 1)
      expect((await verifyApiKey(input(secret, { scope: "links:read" }), deps())).ok).toBe(true);
    expect(queryCount() - before).toBe(0);
  });

  it("answers a cached key synchronously with the in-memory limiter: no promise on the hot path", async () => {
    const { secret } = await createKey();
    const first = verifyApiKey(input(secret), deps());
    expect(first).toBeInstanceOf(Promise); // the first lookup waits for the database
    expect(codeOf(await first)).toBe("ok");
    const cached = verifyApiKey(input(secret), deps());
    expect(cached).not.toBeInstanceOf(Promise);
    expect(codeOf(await cached)).toBe("ok");
  });

  it("refuses a malformed key or bad checksum without touching the database", async () => {
    const before = queryCount();
    const real = generateSecret("live");
    const forged = real.slice(0, -1) + (real.endsWith("0") ? "1" : "0");
    const results = await Promise.all(
      [`ck_live_${"A".repeat(32)}`, forged, "ck_test_short"].map((s) => verifyApiKey(input(s), deps())),
    );
    expect(results.map(codeOf)).toEqual(Array(3).fill("401 invalid_api_key"));
    expect(queryCount() - before).toBe(0);
  });

  it("refuses an unknown key, and a key id that names another key", async () => {
    expect(codeOf(await verifyApiKey(input(generateSecret("test")), deps()))).toBe("401 invalid_api_key");
    const { secret } = await createKey();
    expect(codeOf(await verifyApiKey(input(secret, { claimedKeyId: "key_other" }), deps()))).toBe(
      "401 invalid_api_key",
    );
  });

  it("refuses a revoked key at once, even when it was cached", async () => {
    const { secret, key } = await createKey();
    expect((await verifyApiKey(input(secret), deps())).ok).toBe(true);
    await revokeApiKey(appContext, { keyId: key.id });
    expect(codeOf(await verifyApiKey(input(secret), deps()))).toBe("401 revoked_api_key");
  });

  it("refuses an expired key and a rolled key past its grace period", async () => {
    const soon = new Date(Date.now() + 60_000);
    const { secret } = await createKey({ expiresAt: soon });
    expect((await verifyApiKey(input(secret), deps())).ok).toBe(true);
    const later = () => new Date(soon.getTime() + 1);
    expect(codeOf(await verifyApiKey(input(secret), deps({ now: later })))).toBe("401 expired_api_key");

    const rolled = await createKey();
    const result = await rollApiKey(appContext, { keyId: rolled.key.id, graceSeconds: 3600 });
    expect((await verifyApiKey(input(rolled.secret), deps())).ok).toBe(true);
    expect((await verifyApiKey(input(result.secret), deps())).ok).toBe(true);
    const afterGrace = () => new Date(Date.now() + 3601_000);
    expect(codeOf(await verifyApiKey(input(rolled.secret), deps({ now: afterGrace })))).toBe("401 expired_api_key");
    expect((await verifyApiKey(input(result.secret), deps({ now: afterGrace }))).ok).toBe(true);
  });

  it("refuses keys of a disabled application, invalidating by application", async () => {
    const { secret, applicationId } = await createKey();
    expect((await verifyApiKey(input(secret), deps())).ok).toBe(true);
    await db.application.update({ where: { id: applicationId }, data: { isEnabled: false } });
    await authRuntime.bus.publish({ applicationId });
    expect(codeOf(await verifyApiKey(input(secret), deps()))).toBe("401 application_disabled");
  });

  it("refuses an Origin the application does not allow, and names the one it allows (for CORS)", async () => {
    const { secret } = await createKey({ allowedOrigins: ["https://shop.example"], scopes: [] });
    const allowed = await verifyApiKey(input(secret, { origin: "https://shop.example" }), deps());
    expect(allowed).toMatchObject({ ok: true, allowedOrigin: "https://shop.example" });
    const refused = await verifyApiKey(input(secret, { origin: "https://evil.example" }), deps());
    expect(codeOf(refused)).toBe("403 origin_not_allowed");
    expect(refused.allowedOrigin).toBeUndefined();
    // A refusal after the origin check is still the allowed origin's to read.
    const unscoped = await verifyApiKey(input(secret, { origin: "https://shop.example", scope: "links:read" }), deps());
    expect(unscoped).toMatchObject({ code: "missing_scope", allowedOrigin: "https://shop.example" });
    expect((await verifyApiKey(input(secret), deps())).allowedOrigin).toBeUndefined();
  });

  it("refuses a client IP outside the key's allowlist", async () => {
    const { secret } = await createKey({ ipAllowlist: ["198.51.100.0/24"] });
    expect((await verifyApiKey(input(secret, { clientIp: "198.51.100.20" }), deps())).ok).toBe(true);
    expect(codeOf(await verifyApiKey(input(secret, { clientIp: "203.0.113.1" }), deps()))).toBe("403 ip_not_allowed");
    expect(codeOf(await verifyApiKey(input(secret, { clientIp: null }), deps()))).toBe("403 ip_not_allowed");
  });

  it("refuses a missing scope, naming it; read does not imply write; scope changes apply at once", async () => {
    const { secret, key } = await createKey({ scopes: ["links:read"] });
    expect((await verifyApiKey(input(secret, { scope: "links:read" }), deps())).ok).toBe(true);
    const refused = await verifyApiKey(input(secret, { scope: "links:write" }), deps());
    expect(codeOf(refused)).toBe("403 missing_scope");
    expect(!refused.ok && refused.message).toContain("links:write");
    await updateApiKey(appContext, { keyId: key.id, changes: { scopes: ["links:read", "links:write"] } });
    expect((await verifyApiKey(input(secret, { scope: "links:write" }), deps())).ok).toBe(true);
  });

  it("rate limits per key with the key's own limit", async () => {
    const { secret } = await createKey({ rateLimit: 2 });
    const limiter = new MemoryRateLimiter();
    expect((await verifyApiKey(input(secret), deps({ rateLimiter: limiter }))).ok).toBe(true);
    expect((await verifyApiKey(input(secret), deps({ rateLimiter: limiter }))).ok).toBe(true);
    const limited = await verifyApiKey(input(secret), deps({ rateLimiter: limiter }));
    expect(codeOf(limited)).toBe("429 rate_limited");
    expect(!limited.ok && limited.rate?.remaining).toBe(0);
  });

  it("checks in the fixed order: revoked before scope, scope before rate limit", async () => {
    const { secret, key } = await createKey({ scopes: [], rateLimit: 1 });
    const limiter = new MemoryRateLimiter();
    expect(codeOf(await verifyApiKey(input(secret, { scope: "links:read" }), deps({ rateLimiter: limiter })))).toBe(
      "403 missing_scope",
    );
    expect((await verifyApiKey(input(secret), deps({ rateLimiter: limiter }))).ok).toBe(true);
    await revokeApiKey(appContext, { keyId: key.id });
    expect(codeOf(await verifyApiKey(input(secret, { scope: "links:read" }), deps({ rateLimiter: limiter })))).toBe(
      "401 revoked_api_key",
    );
  });

  it("finds a key created after a failed lookup of the same secret (negative entries are invalidated)", async () => {
    const cache = new KeyCache({ maxEntries: 100, ttlMs: 60_000, negativeTtlMs: 60_000 });
    const merchantApp = await createKey();
    const app = await createApplication(merchantApp.merchantId);
    const { createApiKey } = await import("./lifecycle");
    const secret = generateSecret("test");
    expect(codeOf(await verifyApiKey(input(secret), deps({ cache })))).toBe("401 invalid_api_key");
    const { InvalidationBus } = await import("./invalidation");
    await createApiKey(
      { db, bus: new InvalidationBus(cache, {}), now: () => new Date() },
      { owner: { merchantId: merchantApp.merchantId, applicationId: app.id }, key: { name: "n" }, secret },
    );
    expect((await verifyApiKey(input(secret), deps({ cache }))).ok).toBe(true);
  });
});

describe("failed lookups per client IP", () => {
  const ip = "198.51.100.1";
  const locked = (limiter: MemoryRateLimiter) =>
    deps({ rateLimiter: limiter, failedLookupLimit: 3, known: authRuntime.known });
  const verifyFrom = (from: string, secret: string, limiter: MemoryRateLimiter) =>
    verifyApiKey(input(secret, { clientIp: from }), locked(limiter));

  async function lockOut(limiter: MemoryRateLimiter) {
    for (let i = 0; i < 3; i += 1)
      expect(codeOf(await verifyFrom(ip, generateSecret("test"), limiter))).toBe("401 invalid_api_key");
    await authRuntime.known.mayExist("built"); // the set of known hashes is built once, on first use
  }

  it("refuses unknown keys from a locked-out IP with no query and a Retry-After, and only from that IP", async () => {
    const limiter = new MemoryRateLimiter();
    await lockOut(limiter);
    const before = queryCount();
    const refused = await verifyFrom(ip, generateSecret("test"), limiter);
    expect(codeOf(refused)).toBe("429 rate_limited");
    expect(!refused.ok && refused.rate).toMatchObject({ allowed: false, limit: 3, remaining: 0 });
    expect(!refused.ok && refused.rate!.resetSeconds).toBeGreaterThan(0);
    expect(codeOf(await verifyFrom(ip, "some-custom-guess-value", limiter))).toBe("429 rate_limited");
    expect(queryCount() - before).toBe(0);
    expect(codeOf(await verifyFrom("198.51.100.2", generateSecret("test"), limiter))).toBe("401 invalid_api_key");
  });

  it("never admits more lookups than the limit when the guesses arrive all at once", async () => {
    const limiter = new MemoryRateLimiter();
    await authRuntime.known.mayExist("built");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verifyFrom("198.51.100.9", generateSecret("test"), limiter)),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === "401 invalid_api_key")).toHaveLength(3);
    expect(codes.filter((code) => code === "429 rate_limited")).toHaveLength(17);
  });

  it("still looks up every real key from a locked-out IP: cached, made a second ago, unclaimed, rolled", async () => {
    const limiter = new MemoryRateLimiter();
    const earlier = await createKey();
    await lockOut(limiter);
    expect(codeOf(await verifyFrom(ip, earlier.secret, limiter))).toBe("ok");
    authRuntime.cache.clear();
    expect(codeOf(await verifyFrom(ip, earlier.secret, limiter))).toBe("ok");

    const fresh = await createKey();
    expect(codeOf(await verifyFrom(ip, fresh.secret, limiter))).toBe("ok");
    const { createUnclaimedKey } = await import("./unclaimed");
    const unclaimed = await createUnclaimedKey(appContext, { key: { label: "agent" }, clientIp: null });
    expect(codeOf(await verifyFrom(ip, unclaimed.key, limiter))).toBe("ok");
    const rolled = await rollApiKey(appContext, { keyId: fresh.key.id, graceSeconds: 60 });
    expect(codeOf(await verifyFrom(ip, rolled.secret, limiter))).toBe("ok");
    expect(codeOf(await verifyFrom(ip, generateSecret("test"), limiter))).toBe("429 rate_limited");
  });

  it("rebuilds the known hashes when the bus may have missed messages (a key made elsewhere is found)", async () => {
    const limiter = new MemoryRateLimiter();
    await lockOut(limiter);
    const { KnownKeys } = await import("./known-keys");
    const other = new KnownKeys(db);
    const elsewhere = await createKey(); // published to authRuntime's bus only, as another process's would be missed
    const { hashSecret } = await import("./hash");
    await other.mayExist("built");
    expect(await other.mayExist(hashSecret(elsewhere.secret))).toBe(true);
    const later = generateSecret("test");
    await db.apiKey.create({
      data: {
        id: `key_raw${Date.now()}`,
        name: "raw",
        mode: "test",
        prefix: later.slice(0, 12),
        hash: hashSecret(later),
        scopes: [],
      },
    });
    expect(await other.mayExist(hashSecret(later))).toBe(false);
    other.clear();
    expect(await other.mayExist(hashSecret(later))).toBe(true);
  });
});
