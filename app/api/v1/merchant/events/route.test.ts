import { describe, expect, it } from "vitest";
import { overrideConfigForTests } from "@/lib/config";
import { createKey, routeTestServer, signIn } from "@/test/support";

// The endpoint's URL is loopback, which only this flag allows; the test never runs the delivery worker.
overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });
const server = routeTestServer();

async function read(session: { cookie: string }, path: string) {
  const response = await fetch(`${server.url}/api/v1${path}`, { headers: { Cookie: session.cookie } });
  return { status: response.status, body: await response.json() };
}

/** A merchant whose test key made a webhook endpoint, two customers and a payment link, and whose live key one customer. */
async function merchantWithEvents() {
  const owner = await signIn();
  const test = await createKey({ merchantId: owner.merchantId });
  const live = await createKey({ merchantId: owner.merchantId, applicationId: test.applicationId, mode: "live" });
  const client = server.sdk(test.secret);
  const endpoint = await client.webhookEndpoints.create({ url: "http://127.0.0.1:9/hooks", enabled_events: ["*"] });
  const ada = await client.customers.create({ name: "Ada" });
  await client.customers.update(ada.id, { name: "Ada L." });
  const link = await client.paymentLinks.create({ amount: 100, currency: "usd" });
  const liveCustomer = await server.sdk(live.secret).customers.create({ name: "Live" });
  return { owner, endpoint, ada, link, liveCustomer };
}

describe("the dashboard's events", () => {
  it("lists one mode's events newest first, filtered by type, object and time, paged with starting_after", async () => {
    const { owner, ada, link, liveCustomer } = await merchantWithEvents();
    const types = async (query: string) =>
      (await read(owner, `/merchant/events?${query}`)).body.data.map((event: { type: string }) => event.type);

    expect(await types("mode=test")).toEqual([
      "payment_link.created",
      "customer.updated",
      "customer.created",
      "webhook_endpoint.created",
    ]);
    const liveList = (await read(owner, "/merchant/events?mode=live")).body;
    expect(liveList).toMatchObject({ object: "list", url: "/api/v1/merchant/events", has_more: false });
    expect(liveList.data).toHaveLength(1);
    expect(liveList.data[0]).toMatchObject({ livemode: true, data: { object: { id: liveCustomer.id } } });
    expect(await types("type=customer.created")).toEqual(["customer.created"]);
    expect(await types(`object=${ada.id}`)).toEqual(["customer.updated", "customer.created"]);
    expect(await types(`object=${link.id}&type=customer.created`)).toEqual([]);
    const future = Math.floor(Date.now() / 1000) + 3600;
    expect(await types(`created[gte]=${future}`)).toEqual([]);
    expect(await types(`created[lt]=${future}`)).toHaveLength(4);

    const first = (await read(owner, "/merchant/events?limit=3")).body;
    expect(first.has_more).toBe(true);
    const rest = (await read(owner, `/merchant/events?limit=3&starting_after=${first.data.at(-1).id}`)).body;
    expect(rest.has_more).toBe(false);
    expect(rest.data.map((event: { type: string }) => event.type)).toEqual(["webhook_endpoint.created"]);
  });

  it("shows one event with its webhook deliveries and their endpoint's URL, whichever its mode", async () => {
    const { owner, endpoint, ada } = await merchantWithEvents();
    const [created] = (await read(owner, `/merchant/events?type=customer.created`)).body.data;
    const { status, body } = await read(owner, `/merchant/events/${created.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: created.id,
      object: "event",
      type: "customer.created",
      livemode: false,
      data: { object: { id: ada.id, name: "Ada" } },
    });
    expect(body.deliveries).toEqual([
      expect.objectContaining({
        object: "webhook_delivery",
        endpoint: endpoint.id,
        endpoint_url: "http://127.0.0.1:9/hooks",
        event: created.id,
        event_type: "customer.created",
        status: "pending",
        attempts: 0,
        attempt_log: [],
      }),
    ]);
    const [live] = (await read(owner, "/merchant/events?mode=live")).body.data;
    expect((await read(owner, `/merchant/events/${live.id}`)).body).toMatchObject({ livemode: true, deliveries: [] });
  });

  it("is read by every member, and another merchant's event is a 404", async () => {
    const { owner } = await merchantWithEvents();
    const [event] = (await read(owner, "/merchant/events")).body.data;
    const viewer = await signIn({ merchantId: owner.merchantId, role: "viewer" });
    expect((await read(viewer, "/merchant/events")).body.data).toHaveLength(4);
    expect((await read(viewer, `/merchant/events/${event.id}`)).status).toBe(200);
    const stranger = await signIn();
    const missing = await read(stranger, `/merchant/events/${event.id}`);
    expect([missing.status, missing.body.error.code]).toEqual([404, "resource_missing"]);
    expect((await read(stranger, "/merchant/events")).body.data).toEqual([]);
    const bad = await read(owner, "/merchant/events?mode=both");
    expect([bad.status, bad.body.error.code, bad.body.error.param]).toEqual([400, "parameter_invalid", "mode"]);
  });
});
