import { describe, expect, it } from "vitest";
import { routeTestServer } from "@/test/support";
import { dashboardCall, merchantWithKeys } from "@/test/support/merchant-objects";

const server = routeTestServer();

describe("/api/v1/merchant/customers", () => {
  it("lists one mode of the merchant's customers, by e-mail, and searches id, e-mail, name and description", async () => {
    const { testKey, liveKey, management } = await merchantWithKeys(server);
    const ada = await testKey.customers.create({ email: "ada@example.com", name: "Ada", description: "VIP" });
    const grace = await testKey.customers.create({ email: "grace@navy.example", name: "Grace" });
    const live = await liveKey.customers.create({ email: "ada@example.com" });
    const ids = async (query: Parameters<typeof management.merchantCustomers.list>[0]) =>
      (await management.merchantCustomers.list(query)).data.map((customer) => customer.id);

    expect(await ids({})).toEqual([grace.id, ada.id]);
    expect(await ids({ mode: "live" })).toEqual([live.id]);
    expect(await ids({ email: "ada@example.com" })).toEqual([ada.id]);
    expect(await ids({ q: "navy" })).toEqual([grace.id]);
    expect(await ids({ q: "VIP" })).toEqual([ada.id]);
    expect(await ids({ q: "Grace" })).toEqual([grace.id]);
    expect(await ids({ q: ada.id })).toEqual([ada.id]);
    expect(await ids({ "created[gt]": Math.floor(Date.now() / 1000) + 60 })).toEqual([]);
  });

  it("creates in the mode given with the API's validation, and shows its events", async () => {
    const { owner, testKey, management } = await merchantWithKeys(server);
    const created = await dashboardCall(server, owner.cookie, "POST", "/customers", {
      email: "lin@example.com",
      name: "Lin",
      metadata: { tier: "gold" },
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect(await testKey.customers.retrieve(id)).toMatchObject({ id, email: "lin@example.com", livemode: false });
    const live = await management.merchantCustomers.create({ name: "Live Lin", mode: "live" });
    expect(await management.merchantCustomers.retrieve(live.id)).toMatchObject({ livemode: true, name: "Live Lin" });
    expect((await management.merchantCustomers.list({ mode: "live" })).data.map((c) => c.id)).toEqual([live.id]);

    for (const [body, param] of [
      [{ email: "not an e-mail" }, "email"],
      [{ name: "   " }, "name"],
      [{ metadata: { k: 1 } }, "metadata"],
    ] as const) {
      const refused = await dashboardCall(server, owner.cookie, "POST", "/customers", body);
      expect([refused.status, refused.code, String(refused.param).split(".")[0]]).toEqual([
        400,
        "parameter_invalid",
        param,
      ]);
    }
    const events = await management.merchantEvents.list({ object: id });
    expect(events.data.map((event) => event.type)).toEqual(["customer.created"]);
    expect(events.url).toBe("/api/v1/merchant/events");
  });
});
