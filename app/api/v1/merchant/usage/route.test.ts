import { describe, expect, it } from "vitest";
import { authRuntime } from "@/lib/keys";
import { createKey, failure, routeTestServer, signIn } from "@/test/support";
import { dashboardCall, merchantWithKeys } from "@/test/support/merchant-objects";

const server = routeTestServer();

describe("GET /api/v1/merchant/usage", () => {
  it("counts the requests made with the merchant's keys, per mode, key and application, once flushed", async () => {
    const world = await merchantWithKeys(server);
    for (let i = 0; i < 3; i += 1) await world.testKey.me.retrieve();
    await failure(world.testKey.customers.retrieve("cus_missing"));
    await world.liveKey.me.retrieve();
    await authRuntime.usage.flush();

    const usage = await world.management.usage.retrieve();
    expect(usage).toMatchObject({ object: "usage", mode: "test", range: "24h", unit: "hour" });
    expect(usage.totals).toEqual({ requests: 4, errors: 1 });
    expect(usage.buckets).toHaveLength(24);
    expect(usage.buckets.at(-1)).toMatchObject({ requests: 4, errors: 1 });
    expect((await world.management.usage.retrieve({ mode: "live", range: "30d" })).totals).toEqual({
      requests: 1,
      errors: 0,
    });

    const me = await world.liveKey.me.retrieve();
    const byKey = await world.management.usage.retrieve({ api_key: me.id });
    expect(byKey).toMatchObject({ mode: "live", apiKeyId: me.id, totals: { requests: 1 } });
    const byApp = await world.management.usage.retrieve({ application: me.application!.id, range: "30d" });
    expect(byApp.totals).toEqual({ requests: 4, errors: 1 });
  });

  it("answers another merchant's key or application with 404 and bad input with 400, in the standard envelope", async () => {
    const owner = await signIn();
    const stranger = await createKey();
    const key = await dashboardCall(server, owner.cookie, "GET", `/usage?api_key=${stranger.key.id}`);
    expect(key).toMatchObject({ status: 404, code: "resource_missing", param: "api_key" });
    expect(key.body.error?.message).toBe(`No such API key: '${stranger.key.id}'.`);
    const app = await dashboardCall(server, owner.cookie, "GET", `/usage?application=${stranger.applicationId}`);
    expect(app).toMatchObject({ status: 404, code: "resource_missing", param: "application" });
    const range = await dashboardCall(server, owner.cookie, "GET", "/usage?range=7d");
    expect(range).toMatchObject({ status: 400, code: "parameter_invalid", param: "range" });
    const unknown = await dashboardCall(server, owner.cookie, "GET", "/usage?key=x");
    expect(unknown.status).toBe(400);
  });

  it("is read by every member, and refused to API keys", async () => {
    const owner = await signIn();
    for (const role of ["owner", "admin", "developer", "viewer"] as const) {
      const member = role === "owner" ? owner : await signIn({ merchantId: owner.merchantId, role });
      const answer = await dashboardCall(server, member.cookie, "GET", "/usage?range=30d");
      expect([role, answer.status, (answer.body.buckets as unknown[]).length]).toEqual([role, 200, 30]);
    }
    const { secret } = await createKey({ merchantId: owner.merchantId });
    const withKey = await fetch(`${server.url}/api/v1/merchant/usage`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(withKey.status).toBe(401);
  });
});

describe("usage7d on GET /api/v1/api-keys", () => {
  it("gives each key of the page its requests per day of the last 7, today last, in one query", async () => {
    const world = await merchantWithKeys(server);
    for (let i = 0; i < 2; i += 1) await world.testKey.me.retrieve();
    await authRuntime.usage.flush();
    const page = await world.management.apiKeys.list({ mode: "test" });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.usage7d).toEqual([0, 0, 0, 0, 0, 0, 2]);
    const live = await world.management.apiKeys.list({ mode: "live" });
    expect(live.items[0]!.usage7d).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
