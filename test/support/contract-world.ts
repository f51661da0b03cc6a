import type { OperationSpec } from "@/lib/contract/operation";
import { pathParamNames } from "@/lib/contract/operation";
import { db } from "@/lib/db";
import { newObjectId } from "@/lib/ids";
import { createManagementToken, revokeManagementToken } from "@/lib/accounts/management-tokens";
import { createInvite } from "@/lib/accounts/merchants";
import { signManagementToken } from "@/lib/accounts/session";
import { appContext, authRuntime } from "@/lib/keys";
import { revokeApiKey } from "@/lib/keys/lifecycle";
import type { Client } from "@/lib/sdk";
import { bearer, createApplication, createKey, signIn } from "./fixtures";

type Headers = Record<string, string>;

/**
 * The callers and objects the suites generated from the contract need: merchant A's owner (session, management
 * token) with one object of every kind in test mode, A's keys in every state, a developer of A, and merchant B.
 * Webhook endpoints point at loopback, so the file must allow it (WEBHOOK_ALLOW_PRIVATE) and never deliver.
 */
export async function contractWorld(server: { url: string; sdk(apiKey: string): Client }) {
  const withOrigin = (cookie: string): Headers => ({ Cookie: cookie, Origin: server.url });

  const owner = await signIn();
  const merchantId = owner.merchantId;
  const test = await createKey({ merchantId });
  const live = await createKey({ merchantId, applicationId: test.applicationId, mode: "live" });
  const client = server.sdk(test.secret);
  const link = await client.paymentLinks.create({ amount: 100, currency: "usd" });
  const customer = await client.customers.create({ name: "Ada" });
  const session = await client.checkoutSessions.create({
    amount: 100,
    currency: "usd",
    success_url: "https://a.example/ok",
  });
  const endpoint = await client.webhookEndpoints.create({ url: "http://127.0.0.1:9/hooks", enabled_events: ["*"] });
  const event = (await client.events.list({ limit: 1 })).data[0];
  const delivery = await db.webhookDelivery.create({
    data: {
      id: newObjectId("whdel"),
      endpointId: endpoint.id,
      eventId: event?.id ?? "",
      status: "failed",
      attemptLog: [],
    },
  });
  await authRuntime.requestLog.flush(); // the requests above, in the request log
  const requestLog = await db.requestLog.findFirstOrThrow({ where: { merchantId }, select: { id: true } });
  const token = await createManagementToken(appContext, {
    merchantId,
    userId: owner.user.id,
    token: { name: "matrix", expiresIn: "1h" },
  });

  const revoked = await createKey({ merchantId, applicationId: test.applicationId });
  await revokeApiKey(appContext, { keyId: revoked.key.id });
  const expired = await createKey({ merchantId, applicationId: test.applicationId });
  await db.apiKey.update({ where: { id: expired.key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await appContext.bus.publish({ keyId: expired.key.id });
  const disabledApp = await createApplication(merchantId, { isEnabled: false });
  const disabled = await createKey({ merchantId, applicationId: disabledApp.id });
  const scopeless = await createKey({ merchantId, applicationId: test.applicationId, scopes: [] });

  const revokedToken = await createManagementToken(appContext, {
    merchantId,
    userId: owner.user.id,
    token: { name: "revoked", expiresIn: "1h" },
  });
  await revokeManagementToken(appContext, { merchantId, id: revokedToken.id });
  const expiredToken = await signManagementToken({
    id: token.id,
    userId: owner.user.id,
    merchantId,
    expiresAt: new Date(Date.now() - 60_000),
  });

  const invite = await createInvite(appContext, {
    merchantId,
    invitedById: owner.user.id,
    invite: { email: "invited@example.com", role: "viewer" },
  });
  const developer = await signIn({ merchantId, role: "developer" });
  const other = await signIn();
  const otherKey = await createKey({ merchantId: other.merchantId });
  const forged = test.secret.slice(0, -1) + (test.secret.endsWith("0") ? "1" : "0");

  return {
    /** The path values of each kind of object, all of merchant A in test mode. */
    objects: {
      payment_links: link.id,
      "payment-links": link.id,
      customers: customer.id,
      checkout_sessions: session.id,
      "checkout-sessions": session.id,
      events: event?.id ?? "",
      webhook_endpoints: endpoint.id,
      "webhook-endpoints": endpoint.id,
      deliveries: delivery.id,
      applications: test.applicationId,
      "api-keys": test.key.id,
      "management-tokens": token.id,
      "request-logs": requestLog.id,
      members: owner.user.id,
      invites: invite.id,
    } as Record<string, string>,
    headers: {
      key: bearer(test.secret),
      liveKey: bearer(live.secret),
      revoked: bearer(revoked.secret),
      expired: bearer(expired.secret),
      disabled: bearer(disabled.secret),
      scopeless: bearer(scopeless.secret),
      forged: bearer(forged),
      otherKey: bearer(otherKey.secret),
      owner: withOrigin(owner.cookie),
      ownerCookie: owner.cookie,
      developer: withOrigin(developer.cookie),
      otherOwner: withOrigin(other.cookie),
      token: bearer(token.token),
      revokedToken: bearer(revokedToken.token),
      expiredToken: bearer(expiredToken),
    },
  };
}

/** The collection an operation's `{name}` parameter addresses: the path segment before it. */
export function objectOf(path: string, name: string): string {
  const segments = path.split("/");
  return segments[segments.indexOf(`{${name}}`) - 1] ?? "";
}

/** The operation's path with every `{name}` filled from `objects` (by the collection it addresses). */
export function pathOf(op: OperationSpec, objects: Record<string, string>): string {
  let path: string = op.path;
  for (const name of pathParamNames(op.path)) {
    const value = objects[objectOf(op.path, name)];
    if (!value) throw new Error(`No object for {${name}} of ${op.path}: add its collection to contractWorld`);
    path = path.replace(`{${name}}`, value);
  }
  return path;
}

export type ContractWorld = Awaited<ReturnType<typeof contractWorld>>;

/**
 * A valid body of each operation with one, by `METHOD path`: the bad-input suite changes it in one place, and the
 * authorization matrix sends it so that a 404 is about the object and not about the body.
 */
export const validBodies: Record<string, Record<string, unknown>> = {
  "POST /api/v1/payment_links": { amount: 1000, currency: "usd", description: "A" },
  "PATCH /api/v1/payment_links/{id}": { description: "B" },
  "POST /api/v1/customers": { name: "Ada", email: "ada@example.com" },
  "PATCH /api/v1/customers/{id}": { name: "Grace" },
  "POST /api/v1/checkout_sessions": { amount: 1000, currency: "usd", success_url: "https://shop.example/ok" },
  "POST /api/v1/webhook_endpoints": { url: "http://127.0.0.1:9/hooks", enabled_events: ["*"] },
  "PATCH /api/v1/webhook_endpoints/{id}": { description: "C" },
  "POST /api/v1/webhook_endpoints/{id}/rotate_secret": { expires_in: 3600 },
  "POST /api/v1/webhook_endpoints/{id}/retry_failed": { since: Math.floor(Date.now() / 1000) - 3600 },
  "POST /api/v1/merchant/webhook-endpoints": { url: "http://127.0.0.1:9/hooks", enabled_events: ["*"], mode: "test" },
  "PATCH /api/v1/merchant/webhook-endpoints/{id}": { description: "C" },
  "POST /api/v1/merchant/webhook-endpoints/{id}/rotate-secret": { expires_in: 3600 },
  "POST /api/v1/merchant/webhook-endpoints/{id}/retry-failed": { since: Math.floor(Date.now() / 1000) - 3600 },
  "POST /api/v1/invites": { email: "someone@example.com", role: "developer" },
  "POST /api/v1/management-tokens": { name: "fuzz", expiresIn: "1h" },
  "POST /api/v1/applications": { name: "Fuzz app" },
  "PATCH /api/v1/applications/{id}": { description: "Fuzzed" },
  "PATCH /api/v1/applications/{id}/status": { isEnabled: true },
  "PATCH /api/v1/members/{userId}": { role: "owner" },
  "POST /api/v1/applications/{id}/api-keys": { description: "fuzz" },
  "PATCH /api/v1/applications/{id}/api-keys/{keyId}": { name: "Renamed" },
  "POST /api/v1/applications/{id}/api-keys/{keyId}/roll": { gracePeriod: "1h" },
  "POST /api/v1/api-keys/link": { key: "ck_test_not_a_real_key", applicationId: "app_missing" },
  "POST /api-keys": { label: "fuzz" },
  "POST /api/v1/merchant/payment-links": { amount: 1000, currency: "usd", description: "A", mode: "test" },
  "POST /api/v1/merchant/customers": { name: "Ada", email: "ada@example.com", mode: "test" },
};
