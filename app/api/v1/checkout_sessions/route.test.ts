import { describe, expect, it } from "vitest";
import { appContext } from "@/lib/keys";
import { createApiKey } from "@/lib/keys/lifecycle";
import { db } from "@/lib/db";
import { expireDueCheckoutSessions } from "@/lib/payments";
import { createApplication, createKey, routeTestServer, failure } from "@/test/support";

const server = routeTestServer();

const urls = { success_url: "https://shop.example/thanks" };

describe("/api/v1/checkout_sessions", () => {
  it("creates an open session with a url and a 24 h expiry, and retrieves it", async () => {
    const client = server.sdk((await createKey()).secret);
    const before = Math.floor(Date.now() / 1000);
    const session = await client.checkoutSessions.create({
      amount: 2500,
      currency: "EUR",
      ...urls,
      cancel_url: "https://shop.example/cart",
      metadata: { order: "42" },
    });
    expect(session).toMatchObject({
      object: "checkout.session",
      livemode: false,
      status: "open",
      payment_status: "unpaid",
      amount: 2500,
      currency: "eur",
      payment_link: null,
      customer: null,
      success_url: "https://shop.example/thanks",
      cancel_url: "https://shop.example/cart",
      metadata: { order: "42" },
      completed_at: null,
    });
    expect(session.id).toMatch(/^cs_/);
    expect(session.url).toBe(`http://localhost:3000/pay/${session.id}`);
    expect(session.expires_at - session.created).toBe(24 * 3600);
    expect(session.created).toBeGreaterThanOrEqual(before);
    expect(await client.checkoutSessions.retrieve(session.id)).toEqual(session);
  });

  it("prices a session from a payment link and attaches a customer of the same scope", async () => {
    const client = server.sdk((await createKey()).secret);
    const link = await client.paymentLinks.create({ amount: 4999, currency: "usd" });
    const customer = await client.customers.create({ email: "ada@example.com" });
    const session = await client.checkoutSessions.create({ payment_link: link.id, customer: customer.id, ...urls });
    expect(session).toMatchObject({ amount: 4999, currency: "usd", payment_link: link.id, customer: customer.id });
    expect(
      await failure(client.checkoutSessions.create({ payment_link: link.id, currency: "eur", ...urls })),
    ).toMatchObject({ status: 400, param: "currency" });
    await client.paymentLinks.archive(link.id);
    expect(await failure(client.checkoutSessions.create({ payment_link: link.id, ...urls }))).toMatchObject({
      status: 400,
      code: "payment_link_inactive",
      param: "payment_link",
    });
  });

  it("refuses bad input with a 400 naming the parameter, and writes nothing", async () => {
    const { secret, merchantId } = await createKey();
    const client = server.sdk(secret);
    const stranger = server.sdk((await createKey()).secret);
    const theirCustomer = await stranger.customers.create({ name: "Not yours" });
    const theirLink = await stranger.paymentLinks.create({ amount: 100, currency: "usd" });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...urls }, "amount", "parameter_invalid"],
      [{ amount: 100, payment_link: "plink_x", currency: "usd", ...urls }, "amount", "parameter_invalid"],
      [{ amount: 100, ...urls }, "currency", "parameter_invalid"],
      [{ amount: 0, currency: "usd", ...urls }, "amount", "parameter_invalid"],
      [{ amount: 100, currency: "usd" }, "success_url", "parameter_invalid"],
      [{ amount: 100, currency: "usd", success_url: "javascript:alert(1)" }, "success_url", "parameter_invalid"],
      [{ amount: 100, currency: "usd", ...urls, customer: theirCustomer.id }, "customer", "resource_missing"],
      [{ amount: 100, currency: "usd", ...urls, customer: "cus_nope" }, "customer", "resource_missing"],
      [{ payment_link: theirLink.id, ...urls }, "payment_link", "resource_missing"],
    ];
    for (const [body, param, code] of cases) {
      const error = await failure(client.checkoutSessions.create(body as { success_url: string }));
      expect({ status: error.status, code: error.code, param: error.param }).toEqual({ status: 400, code, param });
    }
    expect((await client.checkoutSessions.list()).data).toEqual([]);
    expect(await db.checkoutSession.count({ where: { ownerId: merchantId } })).toBe(0);
  });

  it("lists newest first, filtered by status and customer, with cursor pagination", async () => {
    const client = server.sdk((await createKey()).secret);
    const customer = await client.customers.create({ name: "Buyer" });
    const a = await client.checkoutSessions.create({ amount: 100, currency: "usd", ...urls });
    const b = await client.checkoutSessions.create({ amount: 200, currency: "usd", customer: customer.id, ...urls });
    const c = await client.checkoutSessions.create({ amount: 300, currency: "usd", ...urls });
    await client.checkoutSessions.expire(a.id);
    await client.checkoutSessions.complete(c.id);

    expect((await client.checkoutSessions.list()).data.map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    expect((await client.checkoutSessions.list({ status: "open" })).data.map((s) => s.id)).toEqual([b.id]);
    expect((await client.checkoutSessions.list({ status: "expired" })).data.map((s) => s.id)).toEqual([a.id]);
    expect((await client.checkoutSessions.list({ status: "complete" })).data.map((s) => s.id)).toEqual([c.id]);
    expect((await client.checkoutSessions.list({ customer: customer.id })).data.map((s) => s.id)).toEqual([b.id]);
    const page = await client.checkoutSessions.list({ limit: 2 });
    expect(page.has_more).toBe(true);
    expect(
      (await client.checkoutSessions.list({ limit: 2, starting_after: page.data[1]?.id })).data.map((s) => s.id),
    ).toEqual([a.id]);
    expect(await failure(client.checkoutSessions.list({ status: "paid" as "open" }))).toMatchObject({
      status: 400,
      param: "status",
    });
  });

  it("expires and completes only open sessions, recording an event for each change", async () => {
    const client = server.sdk((await createKey()).secret);
    const first = await client.checkoutSessions.create({ amount: 100, currency: "usd", ...urls });
    const expired = await client.checkoutSessions.expire(first.id);
    expect(expired).toMatchObject({ id: first.id, status: "expired", payment_status: "unpaid" });
    expect(await failure(client.checkoutSessions.expire(first.id))).toMatchObject({
      status: 400,
      code: "checkout_session_not_open",
    });
    expect(await failure(client.checkoutSessions.complete(first.id))).toMatchObject({
      status: 400,
      code: "checkout_session_not_open",
    });

    const second = await client.checkoutSessions.create({ amount: 100, currency: "usd", ...urls });
    const completed = await client.checkoutSessions.complete(second.id);
    expect(completed).toMatchObject({ status: "complete", payment_status: "paid" });
    expect(completed.completed_at).toBeGreaterThan(0);
    expect(await failure(client.checkoutSessions.expire(second.id))).toMatchObject({
      status: 400,
      code: "checkout_session_not_open",
    });

    const types = (await client.events.list()).data.map((event) => `${event.type} ${event.data.object.id}`);
    expect(types).toEqual([
      `checkout.session.completed ${second.id}`,
      `checkout.session.created ${second.id}`,
      `checkout.session.expired ${first.id}`,
      `checkout.session.created ${first.id}`,
    ]);
    const [completedEvent] = (await client.events.list({ type: "checkout.session.completed" })).data;
    expect(completedEvent?.data.object).toEqual(completed);
  });

  it("reads an open session past its expiry as expired, and the sweep writes it with its event", async () => {
    const { secret, merchantId } = await createKey();
    const client = server.sdk(secret);
    const session = await client.checkoutSessions.create({ amount: 100, currency: "usd", ...urls });
    await db.checkoutSession.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await client.checkoutSessions.retrieve(session.id)).status).toBe("expired");
    expect((await client.checkoutSessions.list({ status: "expired" })).data.map((s) => s.id)).toEqual([session.id]);
    expect((await client.checkoutSessions.list({ status: "open" })).data).toEqual([]);
    expect(await failure(client.checkoutSessions.complete(session.id))).toMatchObject({
      status: 400,
      code: "checkout_session_not_open",
    });

    expect(await expireDueCheckoutSessions(db)).toBeGreaterThanOrEqual(1);
    expect((await db.checkoutSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("expired");
    const events = await client.events.list({ type: "checkout.session.expired" });
    expect(events.data.map((event) => event.data.object.id)).toEqual([session.id]);
    expect(await expireDueCheckoutSessions(db)).toBe(0);
    expect(await db.event.count({ where: { ownerId: merchantId, type: "checkout.session.expired" } })).toBe(1);
  });

  it("isolates owners and modes, and gives a live key 404 on the test helper", async () => {
    const owner = await createKey();
    const session = await server.sdk(owner.secret).checkoutSessions.create({ amount: 100, currency: "usd", ...urls });
    const app = await createApplication(owner.merchantId);
    const live = await createApiKey(appContext, {
      owner: { merchantId: owner.merchantId, applicationId: app.id },
      key: { name: "live", mode: "live", scopes: ["sessions:read", "sessions:write"] },
    });
    for (const secret of [(await createKey()).secret, live.secret]) {
      const client = server.sdk(secret);
      expect(await failure(client.checkoutSessions.retrieve(session.id))).toMatchObject({
        status: 404,
        code: "resource_missing",
      });
      expect((await failure(client.checkoutSessions.expire(session.id))).status).toBe(404);
      expect((await client.checkoutSessions.list()).data).toEqual([]);
    }
    const liveClient = server.sdk(live.secret);
    const liveSession = await liveClient.checkoutSessions.create({ amount: 100, currency: "usd", ...urls });
    expect(liveSession.livemode).toBe(true);
    expect(await failure(liveClient.checkoutSessions.complete(liveSession.id))).toMatchObject({
      status: 404,
      type: "not_found",
    });
    expect((await liveClient.checkoutSessions.retrieve(liveSession.id)).status).toBe("open");
  });

  it("requires sessions:read to read and sessions:write to write (the test helper included)", async () => {
    const reader = server.sdk((await createKey({ scopes: ["sessions:read"] })).secret);
    const writer = server.sdk((await createKey({ scopes: ["sessions:write"] })).secret);
    const session = await writer.checkoutSessions.create({ amount: 100, currency: "usd", ...urls });
    const refused = await failure(reader.checkoutSessions.create({ amount: 100, currency: "usd", ...urls }));
    expect(refused).toMatchObject({ status: 403, code: "missing_scope" });
    expect(refused.message).toContain("sessions:write");
    expect((await failure(reader.checkoutSessions.expire(session.id))).status).toBe(403);
    expect((await failure(reader.checkoutSessions.complete(session.id))).status).toBe(403);
    expect((await failure(writer.checkoutSessions.list())).status).toBe(403);
    expect((await failure(writer.checkoutSessions.retrieve(session.id))).status).toBe(403);
    expect((await reader.checkoutSessions.list()).data).toEqual([]);
  });
});
