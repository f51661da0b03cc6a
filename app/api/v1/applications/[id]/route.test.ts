import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bearer, failure, routeTestServer } from "@/test/support";

/** Editing and deleting applications, and what makes two names the same. */

const server = routeTestServer();

const me = (key: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1/me`, { headers: bearer(key, headers) });

describe("application names", () => {
  it("are trimmed, and unique per merchant ignoring case and surrounding spaces (409 with a sentence)", async () => {
    const { api } = await server.manager();
    const first = await api.applications.create({ name: "Storefront backend" });
    expect((await api.applications.create({ name: "  Warehouse  " })).name).toBe("Warehouse");

    for (const name of ["storefront backend ", "STOREFRONT BACKEND", "\tStorefront backend"]) {
      const refused = await failure(api.applications.create({ name }));
      expect(refused).toMatchObject({ status: 409, code: "application_exists", param: "name" });
      expect(refused.message).toMatch(/already exists .*ignoring case and surrounding spaces/);
    }
    const warehouse = (await api.applications.list({ limit: 10 })).items.find((app) => app.name === "Warehouse")!;
    expect(await failure(api.applications.update(warehouse.id, { name: "storefront BACKEND" }))).toMatchObject({
      status: 409,
      code: "application_exists",
    });
    // An application may change the case of its own name.
    expect((await api.applications.update(first.id, { name: "Storefront Backend" })).name).toBe("Storefront Backend");
  });

  it("may repeat across merchants, and a race of two creates gives one 201 and one 409, never a 500", async () => {
    const a = await server.manager();
    const b = await server.manager();
    await a.api.applications.create({ name: "Shop" });
    expect((await b.api.applications.create({ name: "shop" })).name).toBe("shop");

    const results = await Promise.allSettled([
      a.api.applications.create({ name: "Checkout" }),
      a.api.applications.create({ name: "checkout " }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((result) => result.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: "application_exists" });
  });
});

describe("editing an application", () => {
  it("changes its name, description (null clears it) and allowed origins, which cached keys follow at once", async () => {
    const { api } = await server.manager();
    const app = await api.applications.create({ name: "Web", description: "Old", allowedOrigins: [] });
    const key = await api.apiKeys.create(app.id, { description: "browser", scopes: [] });
    const origin = { Origin: "https://shop.example" };
    expect((await me(key.fullKey, origin)).status).toBe(403); // cached now, with no allowed origin

    const updated = await api.applications.update(app.id, {
      name: "Web shop",
      description: null,
      allowedOrigins: ["https://shop.example"],
    });
    expect(updated).toMatchObject({ id: app.id, name: "Web shop", description: null });
    expect(updated.allowedOrigins).toEqual(["https://shop.example"]);
    expect((await me(key.fullKey, origin)).status).toBe(200);
    expect((await (await me(key.fullKey)).json()).application.name).toBe("Web shop");
  });

  it("refuses an empty change, bad input with a sentence, another merchant's application and a developer", async () => {
    const owner = await server.manager();
    const app = await owner.api.applications.create({ name: "Edited" });
    expect(await failure(owner.api.applications.update(app.id, {}))).toMatchObject({
      status: 400,
      message: "Provide at least one field to update: name, description or allowedOrigins",
    });
    const tooLong = await failure(owner.api.applications.update(app.id, { name: "x".repeat(101) }));
    expect(tooLong).toMatchObject({
      status: 400,
      param: "name",
      message: "Invalid name: must be at most 100 characters",
    });

    const stranger = await server.manager();
    expect(await failure(stranger.api.applications.update(app.id, { name: "Mine" }))).toMatchObject({
      status: 404,
      code: "resource_missing",
    });
    const developer = await server.manager({ merchantId: owner.merchantId, role: "developer" });
    expect(await failure(developer.api.applications.update(app.id, { name: "Mine" }))).toMatchObject({
      status: 403,
      code: "missing_permission",
    });
  });
});

describe("deleting an application", () => {
  it("revokes its keys at once and keeps them, revoked and without an application; then it is a 404", async () => {
    const { api, merchantId } = await server.manager();
    const app = await api.applications.create({ name: "Doomed" });
    const live = await api.apiKeys.create(app.id, { description: "live one", mode: "live" });
    const test = await api.apiKeys.create(app.id, { description: "test one" });
    await api.apiKeys.revoke(app.id, test.id);
    expect((await me(live.fullKey)).status).toBe(200); // cached

    expect(await api.applications.delete(app.id)).toEqual({ id: app.id, deleted: true, revokedKeys: 1 });
    const answer = await me(live.fullKey);
    expect(answer.status).toBe(401);
    expect((await answer.json()).error.code).toBe("revoked_api_key");

    const keys = (await api.apiKeys.list({})).items.filter((key) => [live.id, test.id].includes(key.id));
    expect(keys.map((key) => [key.status, key.application, key.applicationId])).toEqual([
      ["revoked", null, null],
      ["revoked", null, null],
    ]);
    expect(await failure(api.applications.retrieve(app.id))).toMatchObject({ status: 404, code: "resource_missing" });
    expect(await failure(api.applications.delete(app.id))).toMatchObject({ status: 404 });
    // Its name is free again, and the deletion is in the audit trail.
    expect((await api.applications.create({ name: "doomed" })).name).toBe("doomed");
    const audit = await db.auditEvent.findFirst({ where: { merchantId, action: "application.deleted" } });
    expect(audit?.targetId).toBe(app.id);
  });

  it("refuses a developer and another merchant's owner", async () => {
    const owner = await server.manager();
    const app = await owner.api.applications.create({ name: "Kept" });
    const developer = await server.manager({ merchantId: owner.merchantId, role: "developer" });
    expect(await failure(developer.api.applications.delete(app.id))).toMatchObject({ status: 403 });
    const stranger = await server.manager();
    expect(await failure(stranger.api.applications.delete(app.id))).toMatchObject({ status: 404 });
    expect((await owner.api.applications.retrieve(app.id)).name).toBe("Kept");
  });
});
