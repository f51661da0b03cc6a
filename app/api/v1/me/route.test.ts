import { describe, expect, it } from "vitest";
import { appContext, authRuntime } from "@/lib/keys";
import { revokeApiKey } from "@/lib/keys/lifecycle";
import { db } from "@/lib/db";
import { bearer, createKey, routeTestServer } from "@/test/support";

const server = routeTestServer();

const me = (headers: Record<string, string>, query = "") => fetch(`${server.url}/api/v1/me${query}`, { headers });

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { type: string; code: string; message: string; requestId: string } };
  expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  return `${response.status} ${body.error.type} ${body.error.code}`;
}

describe("GET /api/v1/me", () => {
  it("describes the calling key, with request id and rate limit headers", async () => {
    const { secret, key, merchantId, applicationId } = await createKey({ mode: "live", scopes: ["links:read"] });
    const response = await me(bearer(secret));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    expect(response.headers.get("ratelimit-limit")).toBe("600");
    expect(response.headers.get("ratelimit-remaining")).toBe("599");
    expect(response.headers.get("ratelimit-reset")).toMatch(/^\d+$/);
    const body = await response.json();
    expect(body).toMatchObject({
      id: key.id,
      prefix: secret.slice(0, 12),
      mode: "live",
      livemode: true,
      scopes: ["links:read"],
    });
    expect(body.application.id).toBe(applicationId);
    expect(body.merchant.id).toBe(merchantId);
    expect(JSON.stringify(body)).not.toContain(secret);
  });

  it("accepts X-Api-Key, Basic and the key id + secret pair", async () => {
    const { secret, key } = await createKey();
    expect((await me({ "X-Api-Key": secret })).status).toBe(200);
    expect((await me({ Authorization: `Basic ${Buffer.from(`${secret}:`).toString("base64")}` })).status).toBe(200);
    expect((await me({ "X-Api-Key-Id": key.id, "X-Api-Key-Secret": secret })).status).toBe(200);
    expect(await errorOf(await me({ "X-Api-Key-Id": "key_someoneelse", "X-Api-Key-Secret": secret }))).toBe(
      "401 authentication invalid_api_key",
    );
  });

  it("answers each authentication failure with its own code in the envelope", async () => {
    const revoked = await createKey();
    await revokeApiKey(appContext, { keyId: revoked.key.id });
    const expiring = await createKey({ expiresAt: new Date(Date.now() + 1000) });
    await db.apiKey.update({ where: { id: expiring.key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await authRuntime.bus.publish({ keyId: expiring.key.id });
    const disabled = await createKey();
    await db.application.update({ where: { id: disabled.applicationId }, data: { isEnabled: false } });
    const limited = await createKey({ ipAllowlist: ["198.51.100.0/24"] });
    const local = await createKey({ ipAllowlist: ["127.0.0.1"] });
    const originBound = await createKey({ allowedOrigins: ["https://shop.example"] });

    expect(await errorOf(await me({}))).toBe("401 authentication missing_api_key");
    expect(await errorOf(await me(bearer("ck_live_notavalidkeyatall")))).toBe("401 authentication invalid_api_key");
    expect(await errorOf(await me(bearer(`ck_test_${"x".repeat(32)}`)))).toBe("401 authentication invalid_api_key");
    expect(await errorOf(await me(bearer("some-custom-secret-nobody-has")))).toBe("401 authentication invalid_api_key");
    expect(await errorOf(await me(bearer(revoked.secret)))).toBe("401 authentication revoked_api_key");
    expect(await errorOf(await me(bearer(expiring.secret)))).toBe("401 authentication expired_api_key");
    expect(await errorOf(await me(bearer(disabled.secret)))).toBe("401 authentication application_disabled");
    expect(await errorOf(await me(bearer(originBound.secret, { Origin: "https://evil.example" })))).toBe(
      "403 permission origin_not_allowed",
    );
    expect((await me(bearer(originBound.secret, { Origin: "https://shop.example" }))).status).toBe(200);
    // Served directly, the client is the TCP peer (127.0.0.1 here): what it puts in X-Forwarded-For changes nothing.
    expect(await errorOf(await me(bearer(limited.secret, { "X-Forwarded-For": "198.51.100.7" })))).toBe(
      "403 permission ip_not_allowed",
    );
    expect((await me(bearer(local.secret, { "X-Forwarded-For": "203.0.113.9" }))).status).toBe(200);
  });

  it("refuses two different keys, and a key in the query string", async () => {
    const a = await createKey();
    const b = await createKey();
    expect(await errorOf(await me({ Authorization: `Bearer ${a.secret}`, "X-Api-Key": b.secret }))).toBe(
      "400 invalid_request multiple_api_keys",
    );
    const response = await me({}, `?api_key=${a.secret}`);
    const body = await response.clone().json();
    expect(await errorOf(response)).toBe("400 invalid_request api_key_in_query");
    expect(body.error.message).toMatch(/header/i);
  });

  it("answers 429 with Retry-After once the key's limit is spent", async () => {
    const { secret } = await createKey({ rateLimit: 2 });
    expect((await me(bearer(secret))).status).toBe(200);
    expect((await me(bearer(secret))).headers.get("ratelimit-remaining")).toBe("0");
    const refused = await me(bearer(secret));
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await errorOf(refused)).toBe("429 rate_limited rate_limited");
  });

  it("after too many unknown keys from one address refuses only unknown ones, with Retry-After", async () => {
    const { generateSecret } = await import("@/lib/keys/format");
    // Earlier tests of this file have sent unknown keys from this address too: 30 more reach the limit in any case.
    for (let i = 0; i < 30; i += 1) expect([401, 429]).toContain((await me(bearer(generateSecret("test")))).status);
    const refused = await me(bearer(generateSecret("test")));
    expect(await errorOf(refused)).toBe("429 rate_limited rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const { secret } = await createKey(); // made after the lockout began, never cached
    expect((await me(bearer(secret))).status).toBe(200);
  });
});
