import { describe, expect, it } from "vitest";
import { createKey, routeTestServer, failure } from "@/test/support";

const server = routeTestServer();

describe("/api/v1/customers", () => {
  it("creates, lists (with email filter), retrieves and updates customers", async () => {
    const client = server.sdk((await createKey()).secret);
    const ada = await client.customers.create({ email: "ada@example.com", name: "Ada", metadata: { plan: "pro" } });
    expect(ada).toMatchObject({
      object: "customer",
      livemode: false,
      email: "ada@example.com",
      name: "Ada",
      description: null,
      metadata: { plan: "pro" },
    });
    expect(ada.id).toMatch(/^cus_/);
    await client.customers.create({ email: "bob@example.com" });

    expect((await client.customers.list()).data).toHaveLength(2);
    const filtered = await client.customers.list({ email: "ada@example.com" });
    expect(filtered.data.map((c) => c.id)).toEqual([ada.id]);

    expect(await client.customers.retrieve(ada.id)).toEqual(ada);
    const updated = await client.customers.update(ada.id, { name: "Ada Lovelace", email: null });
    expect(updated).toMatchObject({ name: "Ada Lovelace", email: null });
  });

  it("validates, scopes and isolates customers", async () => {
    const client = server.sdk((await createKey({ scopes: ["customers:read", "customers:write"] })).secret);
    expect(await failure(client.customers.create({ email: "not-an-email" }))).toMatchObject({
      status: 400,
      param: "email",
    });
    expect((await failure(client.customers.update("cus_missing", {}))).status).toBe(400);
    expect(await failure(client.customers.retrieve("cus_missing"))).toMatchObject({
      status: 404,
      code: "resource_missing",
    });
    expect(await failure(client.paymentLinks.list())).toMatchObject({ status: 403, code: "missing_scope" });

    const other = server.sdk((await createKey()).secret);
    const mine = await client.customers.create({ name: "Mine" });
    expect((await failure(other.customers.retrieve(mine.id))).status).toBe(404);
    expect((await failure(other.customers.update(mine.id, { name: "Theirs" }))).status).toBe(404);
  });

  it("records customer.created and customer.updated with the snapshot", async () => {
    const client = server.sdk((await createKey()).secret);
    const customer = await client.customers.create({ name: "Grace" });
    const updated = await client.customers.update(customer.id, { description: "VIP" });
    const events = (await client.events.list({ type: "customer.updated" })).data;
    expect(events).toHaveLength(1);
    expect(events[0]?.data.object).toEqual(updated);
    expect((await client.events.list({ type: "customer.created" })).data[0]?.data.object).toEqual(customer);
  });
});
