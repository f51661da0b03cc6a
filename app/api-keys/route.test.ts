import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appContext, authRuntime } from "@/lib/keys";
import { overrideConfigForTests, restoreConfigForTests } from "@/lib/config";
import { randomBase62 } from "@/lib/ids/base62";
import { db } from "@/lib/db";
import { bearer, signIn, routeTestServer } from "@/test/support";
import { removeExpiredSandboxes } from "@/lib/keys/unclaimed";

const server = routeTestServer();
// These tests play a trusted proxy in front of the app: the X-Forwarded-For entry each request sends is its client
// address, so that per-IP limits don't leak between tests.
beforeEach(() => overrideConfigForTests({ TRUSTED_PROXY_COUNT: "1" }));
afterEach(restoreConfigForTests);

/** Each test comes from its own client address. */
const ip = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
function create(body: unknown, from = ip()) {
  return fetch(`${server.url}/api-keys`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": from },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
const api = (secret: string, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: bearer(secret, { "Content-Type": "application/json" }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const link = (caller: { cookie: string }, body: unknown) =>
  fetch(`${server.url}/api/v1/api-keys/link`, {
    method: "POST",
    headers: { Cookie: caller.cookie, Origin: server.url, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
const newApp = async (caller: { cookie: string }) =>
  (await (
    await fetch(`${server.url}/api/v1/applications`, {
      method: "POST",
      headers: { Cookie: caller.cookie, Origin: server.url, "Content-Type": "application/json" },
      body: JSON.stringify({ name: `App ${randomBase62(6)}` }),
    })
  ).json()) as { id: string };

describe("POST /api-keys (no account)", () => {
  it("creates a test key shown once, which works in its own sandbox at a lower rate limit", async () => {
    const response = await create({ label: "my-agent" });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toMatchObject({ label: "my-agent", mode: "test", claimed: false });
    expect(created.id).toMatch(/^key_/);
    expect(created.key).toMatch(/^ck_test_[0-9A-Za-z]{32}$/);
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const me = await api(created.key, "GET", "/me");
    expect(me.headers.get("ratelimit-limit")).toBe("60");
    expect(await me.json()).toMatchObject({ id: created.id, livemode: false, merchant: null, application: null });
    const link = await (await api(created.key, "POST", "/payment_links", { amount: 100, currency: "usd" })).json();
    const other = await (await create({})).json();
    expect((await api(other.key, "GET", `/payment_links/${link.id}`)).status).toBe(404);
    expect(
      (await (await api(created.key, "GET", "/payment_links")).json()).data.map((l: { id: string }) => l.id),
    ).toEqual([link.id]);
  });

  it("accepts a caller-chosen secret only if it is long and random enough; a taken one is 409", async () => {
    const secret = `agent_${randomBase62(40)}`;
    const response = await create({ key: secret });
    expect(response.status).toBe(201);
    expect((await response.json()).key).toBe(secret);
    expect((await api(secret, "GET", "/me")).status).toBe(200);
    const again = await create({ key: secret });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("api_key_exists");

    for (const [key, pattern] of [
      ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", /repeated or sequential/],
      ["my-secret-key-for-the-agentpay-development", /predictable/],
      ["short", /at least 32/],
      [`ck_test_${randomBase62(32)}`, /ck_test_ format/],
    ] as const) {
      const refused = await create({ key });
      expect(refused.status).toBe(400);
      const { error } = await refused.json();
      expect(error).toMatchObject({ type: "invalid_request", param: "key" });
      expect(error.message).toMatch(pattern);
    }
  });

  it("limits creations per client IP (429 with Retry-After) and refuses bad bodies", async () => {
    overrideConfigForTests({ UNCLAIMED_KEYS_PER_IP_PER_HOUR: "2" });
    const from = ip();
    expect((await create({}, from)).status).toBe(201);
    expect((await create({}, from)).status).toBe(201);
    const refused = await create({}, from);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await refused.json()).error).toMatchObject({ type: "rate_limited", code: "rate_limited" });
    expect((await create({}, ip())).status).toBe(201);

    expect((await (await create("{oops")).json()).error.code).toBe("invalid_json");
    expect((await create({ label: "x", scopes: ["links:write"] })).status).toBe(400);
    expect((await create({ label: "x".repeat(101) })).status).toBe(400);
    expect((await create(JSON.stringify({ label: "x".repeat(1024 * 1024) }))).status).toBe(413);
  });

  it("stops working when it expires, and the cleanup job removes its sandbox", async () => {
    const created = await (await create({})).json();
    const link = await (await api(created.key, "POST", "/payment_links", { amount: 100, currency: "usd" })).json();
    await db.apiKey.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await authRuntime.bus.publish({ keyId: created.id });
    const refused = await api(created.key, "GET", "/me");
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("expired_api_key");
    expect(await removeExpiredSandboxes(appContext)).toBeGreaterThanOrEqual(1);
    expect(await db.paymentLink.findUnique({ where: { id: link.id } })).toBeNull();
  });
});

describe("Link existing key", () => {
  it("moves the key and its sandbox into the merchant's application without interrupting it", async () => {
    const created = await (await create({ label: "agent" })).json();
    const paymentLink = await (
      await api(created.key, "POST", "/payment_links", { amount: 2500, currency: "eur" })
    ).json();
    const customer = await (await api(created.key, "POST", "/customers", { name: "Sandbox customer" })).json();
    const session = await (
      await api(created.key, "POST", "/checkout_sessions", {
        payment_link: paymentLink.id,
        success_url: "https://shop.example/ok",
      })
    ).json();
    overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });
    const endpoint = await (
      await api(created.key, "POST", "/webhook_endpoints", { url: "http://127.0.0.1:9/hook", enabled_events: ["*"] })
    ).json();
    overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: undefined });
    const owner = await signIn();
    const app = await newApp(owner);

    const response = await link(owner, { key: created.key, applicationId: app.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: created.id,
      merchantId: owner.merchantId,
      applicationId: app.id,
      expiresAt: null,
      mode: "test",
    });
    const me = await (await api(created.key, "GET", "/me")).json();
    expect(me.merchant.id).toBe(owner.merchantId);
    expect((await api(created.key, "GET", "/me")).headers.get("ratelimit-limit")).toBe("600");
    expect(
      (await (await api(created.key, "GET", "/payment_links")).json()).data.map((l: { id: string }) => l.id),
    ).toEqual([paymentLink.id]);
    for (const [path, id] of [
      ["/customers", customer.id],
      ["/checkout_sessions", session.id],
      ["/webhook_endpoints", endpoint.id],
    ]) {
      expect((await api(created.key, "GET", `${path}/${id}`)).status, path).toBe(200);
    }
    const events = await (await api(created.key, "GET", "/events")).json();
    expect(events.data.map((e: { type: string }) => e.type)).toContain("payment_link.created");
    const sandboxLeft = await Promise.all([
      db.customer.count({ where: { ownerId: created.id } }),
      db.event.count({ where: { ownerId: created.id } }),
      db.webhookEndpoint.count({ where: { ownerId: created.id } }),
      db.checkoutSession.count({ where: { ownerId: created.id } }),
    ]);
    expect(sandboxLeft).toEqual([0, 0, 0, 0]);
    const audit = await db.auditEvent.findFirst({ where: { merchantId: owner.merchantId, action: "api_key.linked" } });
    expect(audit?.targetId).toBe(created.id);
    const keys = await (await fetch(`${server.url}/api/v1/api-keys`, { headers: { Cookie: owner.cookie } })).json();
    expect(keys.items.map((k: { id: string }) => k.id)).toContain(created.id);
  });

  it("links with the scopes the dashboard ticked, and refuses a disabled application without using the key", async () => {
    const created = await (await create({ label: "scoped" })).json();
    const owner = await signIn();
    const app = await newApp(owner);
    const disabled = await newApp(owner);
    await fetch(`${server.url}/api/v1/applications/${disabled.id}/status`, {
      method: "PATCH",
      headers: { Cookie: owner.cookie, Origin: server.url, "Content-Type": "application/json" },
      body: JSON.stringify({ isEnabled: false }),
    });
    const refused = await link(owner, { key: created.key, applicationId: disabled.id });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: "application_disabled", param: "applicationId" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).merchantId).toBeNull();

    const linked = await link(owner, { key: created.key, applicationId: app.id, scopes: ["links:read"] });
    expect(linked.status).toBe(200);
    expect(await linked.json()).toMatchObject({ applicationId: app.id, scopes: ["links:read"] });
    expect((await api(created.key, "GET", "/me").then((r) => r.json())).scopes).toEqual(["links:read"]);
    expect((await api(created.key, "POST", "/payment_links", { amount: 100, currency: "usd" })).status).toBe(403);
  });

  it('says only "This key can\'t be linked" for unknown, revoked, expired or already claimed keys', async () => {
    const owner = await signIn();
    const app = await newApp(owner);
    const claimed = await (await create({})).json();
    const rival = await signIn();
    expect((await link(rival, { key: claimed.key, applicationId: (await newApp(rival)).id })).status).toBe(200);
    const revoked = await (await create({})).json();
    await db.apiKey.update({ where: { id: revoked.id }, data: { status: "revoked" } });
    const expired = await (await create({})).json();
    await db.apiKey.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1) } });

    const bodies = [];
    for (const key of [`ck_test_${randomBase62(32)}`, "never-created-secret", revoked.key, expired.key, claimed.key]) {
      const response = await link(owner, { key, applicationId: app.id });
      expect(response.status).toBe(400);
      const { error } = await response.json();
      bodies.push({ ...error, requestId: undefined });
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]).toMatchObject({ code: "key_not_linkable", message: "This key can't be linked." });
  });

  it("counts a linked key toward the plan's limit, and limits link attempts per user", async () => {
    const owner = await signIn();
    const app = await newApp(owner);
    overrideConfigForTests({ FREE_PLAN_KEY_LIMIT: "1" });
    const first = await (await create({})).json();
    expect((await link(owner, { key: first.key, applicationId: app.id })).status).toBe(200);
    const second = await (await create({})).json();
    const over = await link(owner, { key: second.key, applicationId: app.id });
    expect(over.status).toBe(400);
    expect((await over.json()).error.message).toMatch(/free plan allows 1 active API keys/);

    overrideConfigForTests({ LINK_ATTEMPTS_PER_USER_PER_HOUR: "1" });
    const guesser = await signIn();
    const guesserApp = await newApp(guesser);
    expect((await link(guesser, { key: "guess-one", applicationId: guesserApp.id })).status).toBe(400);
    expect((await link(guesser, { key: "guess-two", applicationId: guesserApp.id })).status).toBe(429);
  });

  it("is refused to members without settings.manage", async () => {
    const owner = await signIn();
    const viewer = await signIn({ merchantId: owner.merchantId, role: "viewer" });
    const created = await (await create({})).json();
    const response = await link(viewer, { key: created.key, applicationId: (await newApp(owner)).id });
    expect(response.status).toBe(403);
  });
});
