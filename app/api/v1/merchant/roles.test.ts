import { describe, expect, it } from "vitest";
import { bearer, createKey, routeTestServer, signIn } from "@/test/support";
import { dashboardCall, merchantWithKeys } from "@/test/support/merchant-objects";

const server = routeTestServer();
const success_url = "https://shop.example/thanks";

/** The merchant's objects of each kind, and the dashboard calls that read and change them. */
async function objectsAndCalls() {
  const world = await merchantWithKeys(server);
  const link = await world.testKey.paymentLinks.create({ amount: 500, currency: "usd" });
  const customer = await world.testKey.customers.create({ name: "Ada" });
  const session = await world.testKey.checkoutSessions.create({ amount: 500, currency: "usd", success_url });
  const reads = [
    "/payment-links",
    `/payment-links/${link.id}`,
    "/customers",
    `/customers/${customer.id}`,
    "/checkout-sessions?status=open",
    `/checkout-sessions/${session.id}`,
    `/events?object=${link.id}`,
  ];
  const writes: [string, unknown?][] = [
    ["/payment-links", { amount: 100, currency: "usd" }],
    ["/customers", { name: "Grace" }],
    [`/payment-links/${link.id}/archive`],
    [`/checkout-sessions/${session.id}/expire`],
    [`/checkout-sessions/${session.id}/complete`],
  ];
  return { ...world, link, session, reads, writes };
}

describe("who may read and change the merchant's payment objects", () => {
  it("every member reads; developers and viewers get 403 missing_permission on every change", async () => {
    const { owner, reads, writes } = await objectsAndCalls();
    for (const role of ["developer", "viewer"] as const) {
      const member = await signIn({ merchantId: owner.merchantId, role });
      for (const path of reads)
        expect([path, (await dashboardCall(server, member.cookie, "GET", path)).status]).toEqual([path, 200]);
      for (const [path, body] of writes) {
        const answer = await dashboardCall(server, member.cookie, "POST", path, body);
        expect([role, path, answer.status, answer.code]).toEqual([role, path, 403, "missing_permission"]);
      }
    }
  });

  it("an admin changes them; another merchant's objects are 404 and API keys are refused", async () => {
    const { owner, link, session, reads, writes } = await objectsAndCalls();
    const admin = await signIn({ merchantId: owner.merchantId, role: "admin" });
    const statuses = [];
    for (const [path, body] of writes)
      statuses.push((await dashboardCall(server, admin.cookie, "POST", path, body)).status);
    // The session was expired by the write before: completing it is refused for that, not for the role.
    expect(statuses).toEqual([201, 201, 200, 200, 400]);

    const stranger = await signIn();
    for (const path of [`/payment-links/${link.id}`, `/checkout-sessions/${session.id}`]) {
      const answer = await dashboardCall(server, stranger.cookie, "GET", path);
      expect([answer.status, answer.code]).toEqual([404, "resource_missing"]);
    }
    expect((await dashboardCall(server, stranger.cookie, "GET", "/payment-links")).body.data).toEqual([]);
    expect((await dashboardCall(server, stranger.cookie, "GET", `/events?object=${link.id}`)).body.data).toEqual([]);

    const { secret } = await createKey({ merchantId: owner.merchantId });
    const withKey = await fetch(`${server.url}/api/v1/merchant${reads[0]}`, { headers: bearer(secret) });
    expect([withKey.status, (await withKey.json()).error.code]).toEqual([401, "api_key_not_allowed"]);
  });
});
