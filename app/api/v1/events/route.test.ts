import { describe, expect, it } from "vitest";
import { appContext } from "@/lib/keys";
import { overrideConfigForTests } from "@/lib/config";
import { createApiKey } from "@/lib/keys/lifecycle";
import { db } from "@/lib/db";
import { createApplication, createKey, routeTestServer, failure } from "@/test/support";

overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });

const server = routeTestServer();

describe("/api/v1/events", () => {
  it("records every change of every resource, newest first, with the object's snapshot", async () => {
    const client = server.sdk((await createKey()).secret);
    const link = await client.paymentLinks.create({ amount: 100, currency: "usd" });
    const customer = await client.customers.create({ name: "Ada" });
    const session = await client.checkoutSessions.create({
      payment_link: link.id,
      customer: customer.id,
      success_url: "https://shop.example/ok",
    });
    const endpoint = await client.webhookEndpoints.create({
      url: "https://hooks.example/events",
      enabled_events: ["checkout.session.expired"],
    });
    await client.customers.update(customer.id, { name: "Ada L." });
    await client.webhookEndpoints.delete(endpoint.id);

    const list = await client.events.list();
    expect(list.data.map((event) => [event.type, event.data.object.id])).toEqual([
      ["webhook_endpoint.deleted", endpoint.id],
      ["customer.updated", customer.id],
      ["webhook_endpoint.created", endpoint.id],
      ["checkout.session.created", session.id],
      ["customer.created", customer.id],
      ["payment_link.created", link.id],
    ]);
    const [latest] = list.data;
    expect(latest).toMatchObject({ object: "event", livemode: false });
    expect(latest?.id).toMatch(/^evt_/);
    expect(typeof latest?.created).toBe("number");
    expect(list.data[3]?.data.object).toEqual(session);
    expect(JSON.stringify(list)).not.toContain("whsec_");
    expect(await client.events.retrieve(latest?.id ?? "")).toEqual(latest);
  });

  it("filters by type and created range, and pages with starting_after", async () => {
    const { secret, merchantId } = await createKey();
    const client = server.sdk(secret);
    for (const name of ["a", "b", "c"]) await client.customers.create({ name });
    const link = await client.paymentLinks.create({ amount: 100, currency: "usd" });
    // Date the first customer's event an hour back so the created range can tell them apart.
    const events = await db.event.findMany({ where: { ownerId: merchantId }, orderBy: { id: "asc" } });
    const old = events[0];
    if (!old) throw new Error("no events recorded");
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    await db.event.update({ where: { id: old.id }, data: { createdAt: new Date(hourAgo * 1000) } });

    expect((await client.events.list({ type: "payment_link.created" })).data.map((e) => e.data.object.id)).toEqual([
      link.id,
    ]);
    expect((await client.events.list({ type: "customer.created" })).data).toHaveLength(3);
    expect((await client.events.list({ "created[lte]": hourAgo })).data.map((e) => e.id)).toEqual([old.id]);
    expect((await client.events.list({ "created[gt]": hourAgo })).data).toHaveLength(3);
    expect(
      (await client.events.list({ "created[gte]": hourAgo, "created[lt]": hourAgo + 1 })).data.map((e) => e.id),
    ).toEqual([old.id]);
    const page = await client.events.list({ limit: 3 });
    expect(page.has_more).toBe(true);
    const rest = await client.events.list({ limit: 3, starting_after: page.data[2]?.id });
    expect(rest).toMatchObject({ has_more: false });
    expect(rest.data.map((e) => e.id)).toEqual([old.id]);

    expect(await failure(client.events.list({ type: "charge.succeeded" as "customer.created" }))).toMatchObject({
      status: 400,
      param: "type",
    });
    expect(await failure(client.events.list({ "created[gte]": -1 }))).toMatchObject({
      status: 400,
      param: "created[gte]",
    });
    // Past the year 9999 a Unix time has no date: a 400 naming the bound, not a 500.
    for (const param of ["created[gte]", "created[gt]", "created[lt]", "created[lte]"] as const) {
      expect(await failure(client.events.list({ [param]: 99_999_999_999_999 }))).toMatchObject({
        status: 400,
        code: "parameter_invalid",
        param,
      });
    }
    expect(await client.events.list({ "created[lte]": 253_402_300_799 })).toMatchObject({ object: "list" });
    for (const param of ["__proto__", "constructor", "prototype"]) {
      const response = await fetch(`${server.url}/api/v1/events?${param}=x`, { headers: { "x-api-key": secret } });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: "parameter_unknown", param });
    }
  });

  it("isolates owners and modes, and requires events:read", async () => {
    const owner = await createKey();
    await server.sdk(owner.secret).customers.create({ name: "Secret customer" });
    const [event] = (await server.sdk(owner.secret).events.list()).data;
    const app = await createApplication(owner.merchantId);
    const live = await createApiKey(appContext, {
      owner: { merchantId: owner.merchantId, applicationId: app.id },
      key: { name: "live", mode: "live", scopes: ["events:read"] },
    });
    for (const secret of [(await createKey()).secret, live.secret]) {
      expect(await failure(server.sdk(secret).events.retrieve(event?.id ?? ""))).toMatchObject({
        status: 404,
        code: "resource_missing",
      });
      expect((await server.sdk(secret).events.list()).data).toEqual([]);
    }
    const noEvents = server.sdk(
      (
        await createKey({
          scopes: ["customers:read", "customers:write", "links:read", "sessions:read", "webhooks:read"],
        })
      ).secret,
    );
    const refused = await failure(noEvents.events.list());
    expect(refused).toMatchObject({ status: 403, code: "missing_scope" });
    expect(refused.message).toContain("events:read");
    expect((await failure(noEvents.events.retrieve(event?.id ?? ""))).status).toBe(403);
  });

  it("records no event for a refused change", async () => {
    const { secret, merchantId } = await createKey();
    const client = server.sdk(secret);
    await failure(
      client.checkoutSessions.create({
        amount: 100,
        currency: "usd",
        success_url: "https://shop.example/ok",
        customer: "cus_missing",
      }),
    );
    await failure(client.customers.update("cus_missing", { name: "x" }));
    expect(await db.event.count({ where: { ownerId: merchantId } })).toBe(0);
  });
});
