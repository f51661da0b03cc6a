import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { routeTestServer } from "@/test/support";
import { dashboardCall, merchantWithKeys } from "@/test/support/merchant-objects";

const server = routeTestServer();
const success_url = "https://shop.example/thanks";

describe("/api/v1/merchant/checkout-sessions", () => {
  it("lists one mode of the merchant's sessions by status, customer, currency, created range and id", async () => {
    const { testKey, liveKey, management } = await merchantWithKeys(server);
    const customer = await testKey.customers.create({ email: "ada@example.com" });
    const link = await testKey.paymentLinks.create({ amount: 2000, currency: "eur" });
    const usd = await testKey.checkoutSessions.create({ amount: 500, currency: "usd", success_url });
    const eur = await testKey.checkoutSessions.create({ payment_link: link.id, customer: customer.id, success_url });
    const expired = await testKey.checkoutSessions.create({ amount: 700, currency: "usd", success_url });
    await db.checkoutSession.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const live = await liveKey.checkoutSessions.create({ amount: 500, currency: "usd", success_url });
    const ids = async (query: Parameters<typeof management.merchantCheckoutSessions.list>[0]) =>
      (await management.merchantCheckoutSessions.list(query)).data.map((session) => session.id);

    expect(await ids({})).toEqual([expired.id, eur.id, usd.id]);
    expect(await ids({ mode: "live" })).toEqual([live.id]);
    expect(await ids({ status: "open" })).toEqual([eur.id, usd.id]);
    expect(await ids({ status: "expired" })).toEqual([expired.id]);
    expect(await ids({ status: "open", currency: "usd" })).toEqual([usd.id]);
    expect(await ids({ customer: customer.id })).toEqual([eur.id]);
    expect(await ids({ q: link.id })).toEqual([eur.id]);
    expect(await ids({ q: usd.id })).toEqual([usd.id]);
    expect(await ids({ "created[lte]": 1 })).toEqual([]);
    const [first] = (await management.merchantCheckoutSessions.list({ limit: 1 })).data;
    expect(first).toMatchObject({
      id: expired.id,
      status: "expired",
      url: expect.stringContaining(`/pay/${expired.id}`),
    });
  });

  it("expires an open session and completes a test one, recording each; a live one cannot be completed", async () => {
    const { owner, testKey, liveKey, management } = await merchantWithKeys(server);
    const toExpire = await testKey.checkoutSessions.create({ amount: 500, currency: "usd", success_url });
    const toComplete = await testKey.checkoutSessions.create({ amount: 500, currency: "usd", success_url });
    const live = await liveKey.checkoutSessions.create({ amount: 500, currency: "usd", success_url });

    const expired = await dashboardCall(server, owner.cookie, "POST", `/checkout-sessions/${toExpire.id}/expire`);
    expect([expired.status, expired.body.status]).toEqual([200, "expired"]);
    const again = await dashboardCall(server, owner.cookie, "POST", `/checkout-sessions/${toExpire.id}/complete`);
    expect([again.status, again.code]).toEqual([400, "checkout_session_not_open"]);

    const completed = await management.merchantCheckoutSessions.complete(toComplete.id);
    expect(completed).toMatchObject({ status: "complete", payment_status: "paid", completed_at: expect.any(Number) });
    expect(await testKey.checkoutSessions.retrieve(toComplete.id)).toEqual(completed);
    const refused = await dashboardCall(server, owner.cookie, "POST", `/checkout-sessions/${live.id}/complete`);
    expect([refused.status, refused.code]).toEqual([400, "livemode_session"]);
    expect((await management.merchantCheckoutSessions.retrieve(live.id)).status).toBe("open");
    expect((await management.merchantCheckoutSessions.expire(live.id)).status).toBe("expired");

    const types = async (id: string) =>
      (await management.merchantEvents.list({ object: id })).data.map((event) => event.type);
    expect(await types(toExpire.id)).toEqual(["checkout.session.expired", "checkout.session.created"]);
    expect(await types(toComplete.id)).toEqual(["checkout.session.completed", "checkout.session.created"]);
  });
});
