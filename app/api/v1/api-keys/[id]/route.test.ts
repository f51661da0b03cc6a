import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authRuntime } from "@/lib/keys";
import { bearer, createKey, failure, routeTestServer, signIn } from "@/test/support";

/** The key detail page's operations: retrieve, the old secret's callers during a roll, and ending or extending it. */

const server = routeTestServer();

const me = (secret: string, userAgent = "curl/8.5") =>
  fetch(`${server.url}/api/v1/me`, { headers: bearer(secret, { "User-Agent": userAgent }) });

/** A key of the manager's merchant, rolled with a grace period: the old secret keeps working until it ends. */
async function rolledKey(manager: Awaited<ReturnType<typeof server.manager>>, gracePeriod: "1h" | "24h" | "7d" = "1h") {
  const old = await createKey({ merchantId: manager.merchantId, scopes: ["links:read"] });
  const rolled = await manager.api.apiKeys.roll(old.applicationId, old.key.id, { gracePeriod });
  return { old, rolled, applicationId: old.applicationId };
}

describe("GET /api/v1/api-keys/{id}", () => {
  it("shows who created the key, its last use, both sides of a roll and its unused scopes", async () => {
    const manager = await server.manager();
    const { old, rolled } = await rolledKey(manager);
    expect((await me(old.secret, "shop-backend/2.1")).status).toBe(200);
    await authRuntime.requestLog.flush();

    const detail = await manager.api.apiKeys.retrieve(old.key.id);
    expect(detail).toMatchObject({ id: old.key.id, rolledFrom: null, rolledTo: { id: rolled.id } });
    expect(detail.lastUse).toMatchObject({ userAgent: "shop-backend/2.1" });
    expect(detail.application?.id).toBe(old.applicationId);
    expect(detail.unusedScopes).toEqual(["links:read"]);
    const successor = await manager.api.apiKeys.retrieve(rolled.id);
    expect(successor).toMatchObject({ rolledFrom: { id: old.key.id }, rolledTo: null, lastUse: null });
    expect(successor.createdBy).toMatchObject({ id: manager.user.id, email: manager.user.email });
  });

  it("counts a scope as used when a request of the last 30 days needed it", async () => {
    const manager = await server.manager();
    const key = await createKey({ merchantId: manager.merchantId, scopes: ["links:read", "customers:write"] });
    await server.sdk(key.secret).paymentLinks.list({ limit: 1 });
    await authRuntime.requestLog.flush();
    expect((await manager.api.apiKeys.retrieve(key.key.id)).unusedScopes).toEqual(["customers:write"]);
    // Older than 30 days no longer counts.
    await db.requestLog.updateMany({
      where: { apiKeyId: key.key.id },
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    expect((await manager.api.apiKeys.retrieve(key.key.id)).unusedScopes).toEqual(["links:read", "customers:write"]);
  });

  it("is a 404 for another merchant's key and an unknown id, and every member may read it", async () => {
    const manager = await server.manager();
    const other = await server.manager();
    const key = await createKey({ merchantId: manager.merchantId });
    // One request at a time: a second promise made up front would reject while the first is awaited, unhandled.
    const misses = [() => other.api.apiKeys.retrieve(key.key.id), () => manager.api.apiKeys.retrieve("key_missing")];
    for (const missing of misses) {
      expect(await failure(missing())).toMatchObject({ status: 404, code: "resource_missing" });
    }
    expect(await failure(other.api.apiKeys.callers(key.key.id))).toMatchObject({ status: 404 });
    const viewer = await signIn({ merchantId: manager.merchantId, role: "viewer" });
    const response = await fetch(`${server.url}/api/v1/api-keys/${key.key.id}`, { headers: { Cookie: viewer.cookie } });
    expect(response.status).toBe(200);
  });

  it("leaves POST /api/v1/api-keys/link to its own route next to /api/v1/api-keys/{id}", async () => {
    const manager = await server.manager();
    const refused = await failure(manager.api.apiKeys.link({ key: "ck_test_not_a_real_key", applicationId: "app_x" }));
    expect(refused.status).not.toBe(405);
  });
});

describe("GET /api/v1/api-keys/{id}/callers", () => {
  it("lists who still sends the old secret, by IP and user agent, from the old key's page and the new one's", async () => {
    const manager = await server.manager();
    const { old, rolled } = await rolledKey(manager);
    await me(old.secret, "cron/1.0");
    await me(old.secret, "cron/1.0");
    await me(old.secret, "worker/3.2");
    await me(rolled.fullKey, "worker/3.2"); // the new secret is not a caller of the old one
    await authRuntime.requestLog.flush();

    for (const id of [old.key.id, rolled.id]) {
      const callers = await manager.api.apiKeys.callers(id);
      expect(callers.rolledKeyId).toBe(old.key.id);
      expect(callers.graceEndsAt).toBe(rolled.rolledKey.graceEndsAt);
      const counts = Object.fromEntries(callers.items.map((caller) => [caller.userAgent, caller.requestCount]));
      expect(counts).toEqual({ "cron/1.0": 2, "worker/3.2": 1 });
    }
  });

  it("is empty for a key that is not in a roll's grace period", async () => {
    const manager = await server.manager();
    const key = await createKey({ merchantId: manager.merchantId });
    expect(await manager.api.apiKeys.callers(key.key.id)).toEqual({
      rolledKeyId: null,
      graceEndsAt: null,
      graceExtendedAt: null,
      maxGraceEndsAt: null,
      items: [],
    });
  });
});

describe("ending and extending a grace period", () => {
  it("end-grace refuses the old secret on its very next request, keeps the new one, and is audited", async () => {
    const manager = await server.manager();
    const { old, rolled, applicationId } = await rolledKey(manager);
    expect((await me(old.secret)).status).toBe(200); // now cached as a valid key
    const ended = await manager.api.apiKeys.endGrace(applicationId, rolled.id);
    expect(ended).toMatchObject({ id: old.key.id, status: "expired" });
    const refused = await me(old.secret);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("expired_api_key");
    expect((await me(rolled.fullKey)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "api_key.grace_ended", targetId: old.key.id } })).toBe(1);
    expect(await failure(manager.api.apiKeys.endGrace(applicationId, old.key.id))).toMatchObject({
      status: 409,
      code: "api_key_not_in_grace",
    });
  });

  it("extend-grace adds 24 hours once: a second time is a 409", async () => {
    const manager = await server.manager();
    const { old, rolled, applicationId } = await rolledKey(manager);
    const extended = await manager.api.apiKeys.extendGrace(applicationId, old.key.id);
    const before = Date.parse(rolled.rolledKey.graceEndsAt!);
    expect(Date.parse(extended.graceEndsAt!) - before).toBe(86_400_000);
    expect((await manager.api.apiKeys.callers(rolled.id)).graceExtendedAt).not.toBeNull();
    expect(await failure(manager.api.apiKeys.extendGrace(applicationId, rolled.id))).toMatchObject({
      status: 409,
      code: "grace_already_extended",
    });
  });

  it("extend-grace never goes past 7 days after the roll (400)", async () => {
    const manager = await server.manager();
    const { rolled, applicationId } = await rolledKey(manager, "7d");
    const refused = await failure(manager.api.apiKeys.extendGrace(applicationId, rolled.id));
    expect(refused).toMatchObject({ status: 400, code: "grace_period_too_long" });
    expect(refused.message).toMatch(/at most 7 days/);
  });

  it("needs settings.manage, and another merchant's key is a 404", async () => {
    const manager = await server.manager();
    const { rolled, applicationId } = await rolledKey(manager);
    const developer = await signIn({ merchantId: manager.merchantId, role: "developer" });
    const response = await fetch(`${server.url}/api/v1/applications/${applicationId}/api-keys/${rolled.id}/end-grace`, {
      method: "POST",
      headers: { Cookie: developer.cookie, Origin: server.url },
    });
    expect(response.status).toBe(403);
    const other = await server.manager();
    expect(await failure(other.api.apiKeys.extendGrace(applicationId, rolled.id))).toMatchObject({ status: 404 });
  });
});

describe("removing unused scopes", () => {
  it("goes through the key update: the key loses them at once", async () => {
    const manager = await server.manager();
    const key = await createKey({ merchantId: manager.merchantId, scopes: ["links:read", "customers:read"] });
    const client = server.sdk(key.secret);
    await client.paymentLinks.list({ limit: 1 });
    expect((await client.customers.list({ limit: 1 })).data).toBeDefined();
    await authRuntime.requestLog.flush();
    // As if the customers call was more than 30 days ago: only the payment links one counts.
    await db.requestLog.deleteMany({ where: { apiKeyId: key.key.id, path: { startsWith: "/api/v1/customers" } } });
    const { unusedScopes, scopes } = await manager.api.apiKeys.retrieve(key.key.id);
    expect(unusedScopes).toEqual(["customers:read"]);
    await manager.api.apiKeys.update(key.applicationId, key.key.id, {
      scopes: scopes.filter((scope) => !unusedScopes.includes(scope)),
    });
    expect((await manager.api.apiKeys.retrieve(key.key.id)).scopes).toEqual(["links:read"]);
    expect(await failure(client.customers.list({ limit: 1 }))).toMatchObject({ status: 403 });
  });
});
