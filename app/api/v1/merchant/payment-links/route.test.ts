import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { routeTestServer } from "@/test/support";
import { dashboardCall, merchantWithKeys } from "@/test/support/merchant-objects";

const server = routeTestServer();

describe("/api/v1/merchant/payment-links", () => {
  it("lists one mode of the links the merchant's keys made, newest first, with cursor pagination", async () => {
    const { testKey, liveKey, management } = await merchantWithKeys(server);
    const tee = await testKey.paymentLinks.create({ amount: 500, currency: "usd", description: "Blue tee" });
    const mug = await testKey.paymentLinks.create({ amount: 1500, currency: "eur", description: "Red mug" });
    const hat = await testKey.paymentLinks.create({ amount: 1000, currency: "jpy", description: "Green hat" });
    const live = await liveKey.paymentLinks.create({ amount: 900, currency: "usd" });

    const all = await management.merchantPaymentLinks.list();
    expect(all).toMatchObject({ object: "list", url: "/api/v1/merchant/payment-links", has_more: false });
    expect(all.data.map((link) => link.id)).toEqual([hat.id, mug.id, tee.id]);
    expect(all.data[0]).toEqual(await testKey.paymentLinks.retrieve(hat.id));
    expect((await management.merchantPaymentLinks.list({ mode: "live" })).data.map((l) => l.id)).toEqual([live.id]);

    const first = await management.merchantPaymentLinks.list({ limit: 2 });
    expect([first.has_more, first.data.length]).toEqual([true, 2]);
    const rest = await management.merchantPaymentLinks.list({ limit: 2, starting_after: first.data[1]?.id });
    expect(rest.data.map((link) => link.id)).toEqual([tee.id]);
  });

  it("filters by status, currency, created range and a search by id or description", async () => {
    const { testKey, management } = await merchantWithKeys(server);
    const tee = await testKey.paymentLinks.create({ amount: 500, currency: "usd", description: "Blue tee" });
    const mug = await testKey.paymentLinks.create({ amount: 1500, currency: "eur", description: "Red mug" });
    await testKey.paymentLinks.archive(tee.id);
    await db.paymentLink.update({ where: { id: mug.id }, data: { createdAt: new Date("2020-06-01T00:00:00Z") } });
    const ids = async (query: Parameters<typeof management.merchantPaymentLinks.list>[0]) =>
      (await management.merchantPaymentLinks.list(query)).data.map((link) => link.id);

    expect(await ids({ status: "archived" })).toEqual([tee.id]);
    expect(await ids({ status: "active" })).toEqual([mug.id]);
    expect(await ids({ currency: "EUR" })).toEqual([mug.id]);
    expect(await ids({ "created[lt]": Date.parse("2021-01-01") / 1000 })).toEqual([mug.id]);
    expect(await ids({ "created[gte]": Date.parse("2021-01-01") / 1000 })).toEqual([tee.id]);
    expect(await ids({ q: "mug" })).toEqual([mug.id]);
    expect(await ids({ q: tee.id })).toEqual([tee.id]);
    expect(await ids({ q: "nothing like it" })).toEqual([]);
  });

  it("creates in the mode given with the API's validation, retrieves either mode, archives, and records it", async () => {
    const { owner, testKey, management } = await merchantWithKeys(server);
    const created = await dashboardCall(server, owner.cookie, "POST", "/payment-links", {
      amount: 1250,
      currency: "GBP",
      description: "Gift card",
      metadata: { campaign: "winter" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ livemode: false, amount: 1250, currency: "gbp", active: true });
    const id = String(created.body.id);
    expect(await testKey.paymentLinks.retrieve(id)).toMatchObject({ id, metadata: { campaign: "winter" } });
    const live = await management.merchantPaymentLinks.create({ amount: 100, currency: "usd", mode: "live" });
    expect(live.livemode).toBe(true);
    expect(await management.merchantPaymentLinks.retrieve(live.id)).toEqual(live);

    for (const [body, param] of [
      [{ amount: 0, currency: "usd" }, "amount"],
      [{ amount: 12.5, currency: "usd" }, "amount"],
      [{ amount: 100, currency: "dollars" }, "currency"],
      [{ amount: 100, currency: "usd", mode: "sandbox" }, "mode"],
    ] as const) {
      const refused = await dashboardCall(server, owner.cookie, "POST", "/payment-links", body);
      expect([refused.status, refused.code, refused.param]).toEqual([400, "parameter_invalid", param]);
    }
    const unknown = await dashboardCall(server, owner.cookie, "POST", "/payment-links", {
      amount: 1,
      currency: "usd",
      x: 1,
    });
    expect([unknown.status, unknown.code]).toEqual([400, "parameter_unknown"]);

    const archived = await dashboardCall(server, owner.cookie, "POST", `/payment-links/${id}/archive`);
    expect([archived.status, archived.body.active]).toEqual([200, false]);
    const events = await management.merchantEvents.list({ object: id });
    expect(events.data.map((event) => event.type)).toEqual(["payment_link.updated", "payment_link.created"]);
    expect(events.data[0]?.data.object).toMatchObject({ id, active: false });
    const audited = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audited.map((event) => [event.action, event.actorUserId])).toEqual([
      ["payment_link.created", owner.user.id],
      ["payment_link.archived", owner.user.id],
    ]);
    expect((await db.paymentLink.findUniqueOrThrow({ where: { id } })).createdByKeyId).toBeNull();
  });
});
