import { afterEach, describe, expect, it } from "vitest";
import { overrideConfigForTests, restoreConfigForTests } from "@/lib/config";
import { db } from "@/lib/db";
import { bearer, createKey, signIn, routeTestServer } from "@/test/support";

const server = routeTestServer();
afterEach(restoreConfigForTests);

type Caller = { cookie?: string; token?: string };
/** A dashboard call: the session cookie plus the app's own Origin on mutations (what the browser sends). */
function call(caller: Caller, method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { "Content-Type": "application/json", ...extra };
  if (caller.cookie) headers.Cookie = caller.cookie;
  if (caller.token) headers.Authorization = `Bearer ${caller.token}`;
  if (caller.cookie && method !== "GET" && !("Origin" in extra)) headers.Origin = server.url;
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const me = (key: string) => fetch(`${server.url}/api/v1/me`, { headers: bearer(key) });
async function errorCode(response: Response) {
  return `${response.status} ${(await response.json()).error.code}`;
}

/** A signed-in owner with an application "Shop" and a key in it that may read payment links. */
async function shopWithKey() {
  const owner = await signIn();
  const app = await (await call(owner, "POST", "/applications", { name: "Shop" })).json();
  const key = await (
    await call(owner, "POST", `/applications/${app.id}/api-keys`, { description: "k", scopes: ["links:read"] })
  ).json();
  return { owner, app, key };
}

describe("applications", () => {
  it("creates (201), refuses a duplicate name (409) and invalid input (400 with param)", async () => {
    const owner = await signIn();
    const created = await call(owner, "POST", "/applications", {
      name: "Production Web Store",
      description: "Primary e-commerce backend",
    });
    expect(created.status).toBe(201);
    const app = await created.json();
    expect(app).toMatchObject({
      name: "Production Web Store",
      description: "Primary e-commerce backend",
      isEnabled: true,
    });
    expect(app.id).toMatch(/^app_/);
    expect(Date.parse(app.createdAt)).not.toBeNaN();

    expect(await errorCode(await call(owner, "POST", "/applications", { name: "Production Web Store" }))).toBe(
      "409 application_exists",
    );
    for (const [body, param] of [
      [{}, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ name: "ok", allowedOrigins: ["https://a.example/path"] }, "allowedOrigins.0"],
    ] as const) {
      const response = await call(owner, "POST", "/applications", body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.param).toBe(param);
    }
    expect(await db.application.count({ where: { merchantId: owner.merchantId } })).toBe(1);
  });

  it("lists with page, limit and include=apiKeys, never showing a secret", async () => {
    const owner = await signIn();
    for (const name of ["A", "B", "C"]) await call(owner, "POST", "/applications", { name });
    const [newest] = (await (await call(owner, "GET", "/applications?limit=1")).json()).items;
    const key = await (
      await call(owner, "POST", `/applications/${newest.id}/api-keys`, { description: "Primary checkout key" })
    ).json();

    const page = await (await call(owner, "GET", "/applications?include=apiKeys&page=1&limit=2")).json();
    expect(page).toMatchObject({
      page: 1,
      limit: 2,
      totalItems: 3,
      totalPages: 2,
      hasPreviousPage: false,
      hasNextPage: true,
    });
    expect(page.items[0].apiKeys).toEqual([
      { id: key.id, keyPrefix: key.keyPrefix, description: "Primary checkout key", mode: "test", status: "active" },
    ]);
    expect(JSON.stringify(page)).not.toContain(key.fullKey);
    const second = await (await call(owner, "GET", "/applications?page=2&limit=2")).json();
    expect(second).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(second.items[0].apiKeys).toBeUndefined();
  });

  it("disabling an application blocks its keys at once; enabling restores them", async () => {
    const owner = await signIn();
    const app = await (await call(owner, "POST", "/applications", { name: "Shop" })).json();
    const { fullKey } = await (
      await call(owner, "POST", `/applications/${app.id}/api-keys`, { description: "k" })
    ).json();
    expect((await me(fullKey)).status).toBe(200);
    const disabled = await call(owner, "PATCH", `/applications/${app.id}/status`, { isEnabled: false });
    expect(await disabled.json()).toMatchObject({ id: app.id, isEnabled: false });
    expect(await errorCode(await me(fullKey))).toBe("401 application_disabled");
    await call(owner, "PATCH", `/applications/${app.id}/status`, { isEnabled: true });
    expect((await me(fullKey)).status).toBe(200);
    expect((await call(owner, "PATCH", `/applications/${app.id}/status`, { isEnabled: "no" })).status).toBe(400);
  });
});

describe("application API keys", () => {
  it("creates a key whose fullKey works and is returned only once", async () => {
    const owner = await signIn();
    const app = await (await call(owner, "POST", "/applications", { name: "Shop" })).json();
    const response = await call(owner, "POST", `/applications/${app.id}/api-keys`, {
      description: "Primary checkout key",
      mode: "live",
      scopes: ["links:read"],
    });
    expect(response.status).toBe(201);
    const key = await response.json();
    expect(key).toMatchObject({
      applicationId: app.id,
      description: "Primary checkout key",
      mode: "live",
      scopes: ["links:read"],
    });
    expect(key.fullKey).toMatch(/^ck_live_[0-9A-Za-z]{32}$/);
    expect(key.keyPrefix).toBe(key.fullKey.slice(0, 12));
    expect(await (await me(key.fullKey)).json()).toMatchObject({ id: key.id, livemode: true });

    const everything = [
      await (await call(owner, "GET", "/api-keys")).text(),
      await (await call(owner, "GET", `/applications/${app.id}`)).text(),
      await (await call(owner, "GET", "/applications?include=apiKeys")).text(),
    ].join("");
    expect(everything).toContain(key.id);
    expect(everything).not.toContain(key.fullKey.slice(12));
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(row)).not.toContain(key.fullKey.slice(12));
  });

  it("refuses a missing description, an unknown or foreign application, and keys past the limits", async () => {
    const owner = await signIn();
    const stranger = await signIn();
    const app = await (await call(owner, "POST", "/applications", { name: "Shop" })).json();
    expect(await errorCode(await call(owner, "POST", `/applications/${app.id}/api-keys`, {}))).toBe(
      "400 parameter_invalid",
    );
    expect(await errorCode(await call(owner, "POST", "/applications/app_nope/api-keys", { description: "k" }))).toBe(
      "404 resource_missing",
    );
    expect(
      await errorCode(await call(stranger, "POST", `/applications/${app.id}/api-keys`, { description: "k" })),
    ).toBe("404 resource_missing");
    expect(await errorCode(await call(stranger, "GET", `/applications/${app.id}`))).toBe("404 resource_missing");

    overrideConfigForTests({ APPLICATION_KEY_LIMIT: "2" });
    for (const d of ["one", "two"])
      expect((await call(owner, "POST", `/applications/${app.id}/api-keys`, { description: d })).status).toBe(201);
    const full = await call(owner, "POST", `/applications/${app.id}/api-keys`, { description: "three" });
    expect(full.status).toBe(400);
    expect((await full.json()).error).toMatchObject({ code: "application_key_limit_reached" });
    expect(await db.apiKey.count({ where: { applicationId: app.id } })).toBe(2);

    overrideConfigForTests({ APPLICATION_KEY_LIMIT: undefined, FREE_PLAN_KEY_LIMIT: "2" });
    const other = await (await call(owner, "POST", "/applications", { name: "Other" })).json();
    const plan = await call(owner, "POST", `/applications/${other.id}/api-keys`, { description: "over plan" });
    expect(plan.status).toBe(400);
    expect((await plan.json()).error.message).toMatch(/free plan allows 2 active API keys/);
  });

  it("revokes (204, then 400 already revoked, 404 unknown) and the key gets 401 on its next call", async () => {
    const owner = await signIn();
    const app = await (await call(owner, "POST", "/applications", { name: "Shop" })).json();
    const key = await (await call(owner, "POST", `/applications/${app.id}/api-keys`, { description: "k" })).json();
    expect((await me(key.fullKey)).status).toBe(200);
    const revoked = await call(owner, "DELETE", `/applications/${app.id}/api-keys/${key.id}`);
    expect(revoked.status).toBe(204);
    expect(await revoked.text()).toBe("");
    expect(await errorCode(await me(key.fullKey))).toBe("401 revoked_api_key");
    expect(await errorCode(await call(owner, "DELETE", `/applications/${app.id}/api-keys/${key.id}`))).toBe(
      "400 api_key_already_revoked",
    );
    expect(await errorCode(await call(owner, "DELETE", `/applications/${app.id}/api-keys/key_unknown`))).toBe(
      "404 resource_missing",
    );
  });

  it("renames and re-scopes a key (the next call sees the new scopes), and refuses a revoked or unknown key", async () => {
    const { owner, app, key } = await shopWithKey();
    const links = () => fetch(`${server.url}/api/v1/payment_links`, { headers: bearer(key.fullKey) });
    expect((await links()).status).toBe(200);
    const path = `/applications/${app.id}/api-keys/${key.id}`;
    const renamed = await call(owner, "PATCH", path, { name: "  Checkout backend " });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: key.id, name: "Checkout backend", scopes: ["links:read"] });
    const rescoped = await (await call(owner, "PATCH", path, { scopes: ["customers:read"] })).json();
    expect(rescoped).toMatchObject({ name: "Checkout backend", scopes: ["customers:read"] });
    expect(await errorCode(await links())).toBe("403 missing_scope");
    expect((await (await me(key.fullKey)).json()).scopes).toEqual(["customers:read"]);

    const empty = await call(owner, "PATCH", path, {});
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toContain("name or scopes");
    expect(await errorCode(await call(owner, "PATCH", path, { scopes: ["links:fly"] }))).toBe("400 parameter_invalid");
    await call(owner, "DELETE", path);
    expect(await errorCode(await call(owner, "PATCH", path, { name: "x" }))).toBe("400 api_key_already_revoked");
    expect(
      await errorCode(await call(owner, "PATCH", `/applications/${app.id}/api-keys/key_unknown`, { name: "x" })),
    ).toBe("404 resource_missing");
    const stranger = await signIn();
    expect(await errorCode(await call(stranger, "PATCH", path, { name: "x" }))).toBe("404 resource_missing");
  });

  it("rolls: the new key works at once, the old one until its grace period ends", async () => {
    const { owner, app, key: old } = await shopWithKey();
    const rolled = await (
      await call(owner, "POST", `/applications/${app.id}/api-keys/${old.id}/roll`, { gracePeriod: "1h" })
    ).json();
    expect(rolled.fullKey).not.toBe(old.fullKey);
    expect(rolled).toMatchObject({ scopes: ["links:read"], rolledFromId: old.id, description: "k" });
    expect((await me(rolled.fullKey)).status).toBe(200);
    expect((await me(old.fullKey)).status).toBe(200);
    expect(Date.parse(rolled.rolledKey.graceEndsAt) - Date.now()).toBeGreaterThan(3500_000);

    const now = await (
      await call(owner, "POST", `/applications/${app.id}/api-keys/${rolled.id}/roll`, { gracePeriod: "now" })
    ).json();
    expect(await errorCode(await me(rolled.fullKey))).toBe("401 expired_api_key");
    expect((await me(now.fullKey)).status).toBe(200);
    expect(await errorCode(await call(owner, "POST", `/applications/${app.id}/api-keys/${rolled.id}/roll`, {}))).toBe(
      "400 api_key_not_active",
    );
    expect(
      await errorCode(
        await call(owner, "POST", `/applications/${app.id}/api-keys/${now.id}/roll`, { gracePeriod: "2w" }),
      ),
    ).toBe("400 parameter_invalid");
  });
});

describe("rolling within the limits", () => {
  const createIn = async (owner: Caller, appId: string, description: string) =>
    (await call(owner, "POST", `/applications/${appId}/api-keys`, { description })).json();

  it("refuses to roll a key already in its grace period, so the grace period can never be extended", async () => {
    const owner = await signIn();
    const app = await (await call(owner, "POST", "/applications", { name: "Shop" })).json();
    const old = await createIn(owner, app.id, "k");
    const first = await call(owner, "POST", `/applications/${app.id}/api-keys/${old.id}/roll`, { gracePeriod: "1h" });
    expect(first.status).toBe(201);
    const graceEndsAt = (await db.apiKey.findUniqueOrThrow({ where: { id: old.id } })).graceEndsAt;
    for (const gracePeriod of ["7d", "1h", "now"]) {
      expect(
        await errorCode(await call(owner, "POST", `/applications/${app.id}/api-keys/${old.id}/roll`, { gracePeriod })),
      ).toBe("400 api_key_already_rolled");
    }
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: old.id } })).graceEndsAt).toEqual(graceEndsAt);
    expect(await db.apiKey.count({ where: { applicationId: app.id } })).toBe(2);
  });

  it("needs room under the plan's limit to roll with a grace period (both keys are active), not to roll now", async () => {
    overrideConfigForTests({ FREE_PLAN_KEY_LIMIT: "2" });
    const owner = await signIn();
    const app = await (await call(owner, "POST", "/applications", { name: "Shop" })).json();
    const [a, b] = [await createIn(owner, app.id, "a"), await createIn(owner, app.id, "b")];
    const refused = await call(owner, "POST", `/applications/${app.id}/api-keys/${a.id}/roll`, { gracePeriod: "24h" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: "plan_key_limit_reached" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: a.id } })).graceEndsAt).toBeNull();

    const now = await call(owner, "POST", `/applications/${app.id}/api-keys/${b.id}/roll`, { gracePeriod: "now" });
    expect(now.status).toBe(201);
    expect(await errorCode(await me(b.fullKey))).toBe("401 expired_api_key");
    const active = (await (await call(owner, "GET", "/api-keys?status=active")).json()).items;
    expect(active).toHaveLength(2);
  });

  it("needs room under the application's limit too", async () => {
    overrideConfigForTests({ APPLICATION_KEY_LIMIT: "1" });
    const owner = await signIn();
    const app = await (await call(owner, "POST", "/applications", { name: "Shop" })).json();
    const only = await createIn(owner, app.id, "only");
    expect(
      await errorCode(
        await call(owner, "POST", `/applications/${app.id}/api-keys/${only.id}/roll`, { gracePeriod: "1h" }),
      ),
    ).toBe("400 application_key_limit_reached");
    expect(
      (await call(owner, "POST", `/applications/${app.id}/api-keys/${only.id}/roll`, { gracePeriod: "now" })).status,
    ).toBe(201);
  });

  it("counts a rolled key in its grace period as active when creating and when linking, and not once it ended", async () => {
    overrideConfigForTests({ FREE_PLAN_KEY_LIMIT: "3" });
    const owner = await signIn();
    const app = await (await call(owner, "POST", "/applications", { name: "Shop" })).json();
    const first = await createIn(owner, app.id, "first");
    await call(owner, "POST", `/applications/${app.id}/api-keys/${first.id}/roll`, { gracePeriod: "1h" });
    await createIn(owner, app.id, "third");
    // first (rolling), its successor and third: three active keys.
    const unclaimed = await (
      await fetch(`${server.url}/api-keys`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      })
    ).json();
    const link = () => call(owner, "POST", "/api-keys/link", { key: unclaimed.key, applicationId: app.id });
    expect(await errorCode(await link())).toBe("400 plan_key_limit_reached");
    expect(await errorCode(await call(owner, "POST", `/applications/${app.id}/api-keys`, { description: "x" }))).toBe(
      "400 plan_key_limit_reached",
    );
    // Once the grace period has ended, the old key no longer counts, for either.
    await db.apiKey.update({ where: { id: first.id }, data: { graceEndsAt: new Date(Date.now() - 1000) } });
    expect((await link()).status).toBe(200);
    await db.apiKey.update({ where: { id: unclaimed.id }, data: { status: "revoked" } });
    expect((await call(owner, "POST", `/applications/${app.id}/api-keys`, { description: "x" })).status).toBe(201);
  });
});

describe("who may do what", () => {
  it("lets every member read and only owners and admins mutate (403 missing_permission)", async () => {
    const owner = await signIn();
    const app = await (await call(owner, "POST", "/applications", { name: "Shop" })).json();
    const key = await (await call(owner, "POST", `/applications/${app.id}/api-keys`, { description: "k" })).json();
    const admin = await signIn({ merchantId: owner.merchantId, role: "admin" });
    expect((await call(admin, "POST", "/applications", { name: "By admin" })).status).toBe(201);
    for (const role of ["developer", "viewer"] as const) {
      const member = await signIn({ merchantId: owner.merchantId, role });
      expect((await call(member, "GET", "/applications")).status).toBe(200);
      expect((await call(member, "GET", "/api-keys")).status).toBe(200);
      for (const [method, path, body] of [
        ["POST", "/applications", { name: `By ${role}` }],
        ["PATCH", `/applications/${app.id}/status`, { isEnabled: false }],
        ["POST", `/applications/${app.id}/api-keys`, { description: "k" }],
        ["DELETE", `/applications/${app.id}/api-keys/${key.id}`, undefined],
        ["POST", `/applications/${app.id}/api-keys/${key.id}/roll`, {}],
        ["POST", "/management-tokens", { name: "t" }],
        ["POST", "/invites", { githubLogin: "someone" }],
      ] as const) {
        expect(await errorCode(await call(member, method, path, body))).toBe("403 missing_permission");
      }
    }
    expect(await errorCode(await call(admin, "POST", "/invites", { githubLogin: "someone" }))).toBe(
      "403 missing_permission",
    );
    expect((await me(key.fullKey)).status).toBe(200);
  });

  it("refuses the signed-out, API keys, and cookie mutations from another origin", async () => {
    const owner = await signIn();
    const { secret } = await createKey({ merchantId: owner.merchantId });
    expect(await errorCode(await call({}, "GET", "/applications"))).toBe("401 not_signed_in");
    expect(await errorCode(await call({ token: secret }, "GET", "/applications"))).toBe("401 api_key_not_allowed");
    expect(
      await errorCode(await call(owner, "POST", "/applications", { name: "x" }, { Origin: "https://evil.example" })),
    ).toBe("403 cross_origin_request");
    const noOrigin = await fetch(`${server.url}/api/v1/applications`, {
      method: "POST",
      headers: { Cookie: owner.cookie, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(noOrigin.status).toBe(403);
    expect(await db.application.count({ where: { merchantId: owner.merchantId } })).toBe(1); // the fixture key's app only
  });

  it("refuses a cookie mutation whose Origin differs only in scheme, or that the browser calls cross-site", async () => {
    overrideConfigForTests({ AUTH_URL: undefined });
    const owner = await signIn();
    const create = (name: string, extra: Record<string, string>) =>
      call(owner, "POST", "/applications", { name }, { Origin: server.url, ...extra });
    const otherScheme = server.url.replace(/^http:/, "https:");
    expect(await errorCode(await create("scheme", { Origin: otherScheme }))).toBe("403 cross_origin_request");
    expect(await errorCode(await create("cross-site", { "Sec-Fetch-Site": "cross-site" }))).toBe(
      "403 cross_origin_request",
    );
    expect((await create("same-origin", { "Sec-Fetch-Site": "same-origin" })).status).toBe(201);
    const names = await db.application.findMany({ where: { merchantId: owner.merchantId }, select: { name: true } });
    expect(names.map((app) => app.name)).not.toContain("scheme");
    expect(names.map((app) => app.name)).not.toContain("cross-site");
  });

  it("records an audit event for each mutation, with IP (the TCP peer's, not a forged one) and user agent", async () => {
    const owner = await signIn();
    const app = await (
      await call(
        owner,
        "POST",
        "/applications",
        { name: "Audited" },
        { "User-Agent": "audit-test/1.0", "X-Forwarded-For": "203.0.113.8" },
      )
    ).json();
    const key = await (await call(owner, "POST", `/applications/${app.id}/api-keys`, { description: "k" })).json();
    await call(owner, "POST", `/applications/${app.id}/api-keys/${key.id}/roll`, {});
    await call(owner, "DELETE", `/applications/${app.id}/api-keys/${key.id}`);
    await call(owner, "PATCH", `/applications/${app.id}/status`, { isEnabled: false });
    const events = await db.auditEvent.findMany({
      where: { merchantId: owner.merchantId },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "application.created",
      "api_key.created",
      "api_key.rolled",
      "api_key.revoked",
      "application.disabled",
    ]);
    expect(events[0]).toMatchObject({
      actorUserId: owner.user.id,
      targetType: "application",
      targetId: app.id,
      ip: "127.0.0.1",
      userAgent: "audit-test/1.0",
    });
  });
});

describe("management tokens", () => {
  it("are issued by a session, work as Bearer JWTs on the management API, and stop when revoked", async () => {
    const owner = await signIn();
    const created = await call(owner, "POST", "/management-tokens", { name: "CI deploys", expiresIn: "1h" });
    expect(created.status).toBe(201);
    const { token, id } = await created.json();
    expect(token.split(".")).toHaveLength(3);
    const tokenCaller = { token };
    const app = await call(tokenCaller, "POST", "/applications", { name: "From CI" }); // no Origin needed: not a cookie
    expect(app.status).toBe(201);
    expect((await call(tokenCaller, "GET", "/applications")).status).toBe(200);
    expect(await errorCode(await call(tokenCaller, "POST", "/management-tokens", { name: "again" }))).toBe(
      "401 session_required",
    );
    const list = await (await call(owner, "GET", "/management-tokens")).json();
    expect(list.items).toEqual([expect.objectContaining({ id, name: "CI deploys", status: "active" })]);
    expect(JSON.stringify(list)).not.toContain(token);

    expect((await call(owner, "DELETE", `/management-tokens/${id}`)).status).toBe(200);
    expect(await errorCode(await call(tokenCaller, "GET", "/applications"))).toBe("401 invalid_management_token");
    expect(await errorCode(await call({ token: `${token}x` }, "GET", "/applications"))).toBe(
      "401 invalid_management_token",
    );
  });
});

describe("merchants, members and invites", () => {
  it("lists the user's merchants with roles; an invite is accepted on sign-in", async () => {
    const owner = await signIn();
    const invited = await call(owner, "POST", "/invites", { githubLogin: "Octo-Cat", role: "viewer" });
    expect(invited.status).toBe(201);
    expect(await errorCode(await call(owner, "POST", "/invites", { githubLogin: "octo-cat" }))).toBe(
      "409 invite_exists",
    );
    expect(await errorCode(await call(owner, "POST", "/invites", { email: "a@example.com", githubLogin: "x" }))).toBe(
      "400 parameter_invalid",
    );

    const guest = await signIn({ githubLogin: "octo-cat" }); // onboarding accepts the invite
    const merchants = await (await call(guest, "GET", "/merchants")).json();
    expect(merchants.items).toEqual([expect.objectContaining({ id: owner.merchantId, role: "viewer" })]);
    const members = await (await call(owner, "GET", "/members")).json();
    expect(members.members.map((m: { role: string }) => m.role).sort()).toEqual(["owner", "viewer"]);
    expect(members.invites).toEqual([]);
  });

  it("switches merchant with X-Merchant-Id (or the mc_merchant cookie) among the user's own", async () => {
    const owner = await signIn();
    const other = await signIn();
    await db.membership.create({ data: { userId: owner.user.id, merchantId: other.merchantId, role: "viewer" } });
    await call(other, "POST", "/applications", { name: "Theirs" });
    const mine = await (await call(owner, "GET", "/applications")).json();
    const theirs = await (
      await call(owner, "GET", "/applications", undefined, { "X-Merchant-Id": other.merchantId })
    ).json();
    const viaCookie = await (
      await call({ cookie: `${owner.cookie}; mc_merchant=${other.merchantId}` }, "GET", "/applications")
    ).json();
    expect(mine.totalItems).toBe(0);
    expect(theirs.items.map((a: { name: string }) => a.name)).toEqual(["Theirs"]);
    expect(viaCookie.totalItems).toBe(1);
    expect(
      await errorCode(
        await call(
          owner,
          "POST",
          "/applications",
          { name: "x" },
          { "X-Merchant-Id": other.merchantId, Origin: server.url },
        ),
      ),
    ).toBe("403 missing_permission");
  });
});
