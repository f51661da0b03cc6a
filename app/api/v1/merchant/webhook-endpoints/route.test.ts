import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { overrideConfigForTests } from "@/lib/config";
import { db } from "@/lib/db";
import { verifyWebhookSignature } from "@/lib/sdk";
import { deliverDueWebhooks } from "@/lib/webhooks";
import { routeTestServer, signIn } from "@/test/support";
import { dashboardCall, merchantWithKeys } from "@/test/support/merchant-objects";

// The receivers below listen on 127.0.0.1, which only this flag allows.
overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });
const server = routeTestServer();

/** A loopback receiver answering `status()` (changeable mid-test), recording every request. */
async function startReceiver(initial: number) {
  const state = { status: initial };
  const received: { body: string; headers: IncomingHttpHeaders }[] = [];
  const http = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: request.headers });
      response.writeHead(state.status).end("ok");
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => http.close(() => resolve())));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hooks`, received, state };
}

/** An owner's dashboard endpoint (test mode) sending every event to a receiver that answers `status`. */
async function dashboardEndpoint(status: number) {
  const world = await merchantWithKeys(server);
  const receiver = await startReceiver(status);
  const created = await dashboardCall(server, world.owner.cookie, "POST", "/webhook-endpoints", {
    url: receiver.url,
    enabled_events: ["customer.created"],
    description: "Orders",
  });
  expect(created.status).toBe(201);
  return { ...world, receiver, endpoint: created.body as { id: string; secret: string } };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const far = () => new Date(Date.now() + 3_600_000);

describe("/api/v1/merchant/webhook-endpoints", () => {
  it("creates with the secret shown once, lists one mode, updates, tests, deletes, and audits each change", async () => {
    const { owner, management, endpoint, receiver } = await dashboardEndpoint(200);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await management.merchantWebhookEndpoints.list();
    expect(listed).toMatchObject({ url: "/api/v1/merchant/webhook-endpoints", has_more: false });
    expect(listed.data.map((each) => each.id)).toEqual([endpoint.id]);
    expect(listed.data[0]).not.toHaveProperty("secret");
    expect((await management.merchantWebhookEndpoints.list({ mode: "live" })).data).toEqual([]);

    const updated = await dashboardCall(server, owner.cookie, "PATCH", `/webhook-endpoints/${endpoint.id}`, {
      enabled_events: ["*"],
      disabled: true,
    });
    expect(updated.body).toMatchObject({ enabled_events: ["*"], status: "disabled" });
    const tested = await dashboardCall(server, owner.cookie, "POST", `/webhook-endpoints/${endpoint.id}/test`);
    expect(tested.body).toMatchObject({ object: "webhook_test", succeeded: true, status_code: 200 });
    expect(receiver.received).toHaveLength(1);
    const deleted = await dashboardCall(server, owner.cookie, "DELETE", `/webhook-endpoints/${endpoint.id}`);
    expect(deleted.body).toEqual({ id: endpoint.id, object: "webhook_endpoint", deleted: true });
    const gone = await dashboardCall(server, owner.cookie, "GET", `/webhook-endpoints/${endpoint.id}`);
    expect([gone.status, gone.code]).toEqual([404, "resource_missing"]);

    const audited = await db.auditEvent.findMany({ where: { targetId: endpoint.id }, orderBy: { createdAt: "asc" } });
    expect(audited.map((event) => event.action)).toEqual([
      "webhook_endpoint.created",
      "webhook_endpoint.updated",
      "webhook_endpoint.tested",
      "webhook_endpoint.deleted",
    ]);
  });

  it("lists failed deliveries, resends one, and retries every failed one since a time", async () => {
    const { owner, testKey, endpoint, receiver } = await dashboardEndpoint(500);
    await testKey.customers.create({ name: "Ada" });
    await testKey.customers.create({ name: "Grace" });
    await deliverDueWebhooks(db);
    const path = `/webhook-endpoints/${endpoint.id}/deliveries`;
    const pending = await dashboardCall(server, owner.cookie, "GET", `${path}?status=pending`);
    const deliveries = pending.body.data as { id: string; attempts: number; last_status_code: number }[];
    expect(deliveries.map((each) => [each.attempts, each.last_status_code])).toEqual([
      [1, 500],
      [1, 500],
    ]);
    await db.webhookDelivery.updateMany({ where: { endpointId: endpoint.id }, data: { nextAttemptAt: far() } });

    receiver.state.status = 204;
    const [first, second] = deliveries;
    const resent = await dashboardCall(server, owner.cookie, "POST", `${path}/${first?.id}/resend`);
    expect([resent.status, resent.body.status]).toEqual([200, "pending"]);
    expect((await deliverDueWebhooks(db)).succeeded).toBe(1);

    await db.webhookDelivery.update({ where: { id: second?.id }, data: { status: "failed", nextAttemptAt: null } });
    const retried = await dashboardCall(
      server,
      owner.cookie,
      "POST",
      `/webhook-endpoints/${endpoint.id}/retry-failed`,
      {
        since: nowSeconds() - 3600,
      },
    );
    expect(retried.body).toMatchObject({ object: "webhook_retry", requeued: 1 });
    expect((await deliverDueWebhooks(db)).succeeded).toBe(1);
    const succeeded = await dashboardCall(server, owner.cookie, "GET", `${path}?status=succeeded`);
    expect((succeeded.body.data as { attempts: number }[]).map((each) => each.attempts)).toEqual([2, 2]);
    const none = await dashboardCall(server, owner.cookie, "POST", `/webhook-endpoints/${endpoint.id}/retry-failed`, {
      since: nowSeconds() - 3600,
    });
    expect(none.body).toMatchObject({ requeued: 0 });
  });

  it("refuses since out of range, and a resend while the delivery is in flight", async () => {
    const { owner, testKey, endpoint } = await dashboardEndpoint(500);
    for (const since of [nowSeconds() - 31 * 24 * 3600, nowSeconds() + 3600]) {
      const refused = await dashboardCall(
        server,
        owner.cookie,
        "POST",
        `/webhook-endpoints/${endpoint.id}/retry-failed`,
        {
          since,
        },
      );
      expect([refused.status, refused.code, refused.param]).toEqual([400, "since_out_of_range", "since"]);
    }
    await testKey.customers.create({ name: "Ada" });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { lockedUntil: far() } });
    const busy = await dashboardCall(
      server,
      owner.cookie,
      "POST",
      `/webhook-endpoints/${endpoint.id}/deliveries/${delivery.id}/resend`,
    );
    expect([busy.status, busy.code]).toEqual([409, "delivery_in_progress"]);
    const missing = await dashboardCall(
      server,
      owner.cookie,
      "POST",
      `/webhook-endpoints/${endpoint.id}/deliveries/whdel_missing/resend`,
    );
    expect(missing.status).toBe(404);
  });

  it("rotates the secret: both secrets sign (new first) during the overlap, only the new one after", async () => {
    const { owner, endpoint, receiver } = await dashboardEndpoint(200);
    const path = `/webhook-endpoints/${endpoint.id}`;
    const rotated = await dashboardCall(server, owner.cookie, "POST", `${path}/rotate-secret`, { expires_in: 3600 });
    const fresh = rotated.body as { secret: string; previous_secret_expires_at: number };
    expect(fresh.secret).toMatch(/^whsec_/);
    expect(fresh.secret).not.toBe(endpoint.secret);
    expect(fresh.previous_secret_expires_at).toBeGreaterThan(nowSeconds() + 3500);
    expect((await dashboardCall(server, owner.cookie, "GET", path)).body).not.toHaveProperty("secret");

    await dashboardCall(server, owner.cookie, "POST", `${path}/test`);
    const overlap = receiver.received.at(-1);
    const header = String(overlap?.headers["webhook-signature"]);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(await verifyWebhookSignature(overlap?.body ?? "", header, fresh.secret)).toBe(true);
    expect(await verifyWebhookSignature(overlap?.body ?? "", header, endpoint.secret)).toBe(true);
    const [, newest] = /v1=([0-9a-f]+)/.exec(header) ?? [];
    expect(
      await verifyWebhookSignature(overlap?.body ?? "", `t=${/t=(\d+)/.exec(header)?.[1]},v1=${newest}`, fresh.secret),
    ).toBe(true);

    const again = await dashboardCall(server, owner.cookie, "POST", `${path}/rotate-secret`, { expires_in: 0 });
    expect(again.body).toMatchObject({ previous_secret_expires_at: null });
    await dashboardCall(server, owner.cookie, "POST", `${path}/test`);
    const after = receiver.received.at(-1);
    const single = String(after?.headers["webhook-signature"]);
    expect(single.match(/v1=/g)).toHaveLength(1);
    expect(await verifyWebhookSignature(after?.body ?? "", single, fresh.secret)).toBe(false);

    const tooLong = await dashboardCall(server, owner.cookie, "POST", `${path}/rotate-secret`, {
      expires_in: 8 * 24 * 3600,
    });
    expect([tooLong.status, tooLong.code, tooLong.param]).toEqual([400, "parameter_invalid", "expires_in"]);
  });

  it("every member reads; a developer or viewer is refused every change; another merchant gets 404", async () => {
    const { owner, endpoint } = await dashboardEndpoint(200);
    const path = `/webhook-endpoints/${endpoint.id}`;
    for (const role of ["developer", "viewer"] as const) {
      const member = await signIn({ merchantId: owner.merchantId, role });
      expect((await dashboardCall(server, member.cookie, "GET", path)).status).toBe(200);
      expect((await dashboardCall(server, member.cookie, "GET", `${path}/deliveries`)).status).toBe(200);
      for (const [method, at, body] of [
        ["POST", "/webhook-endpoints", { url: "https://hooks.example/a", enabled_events: ["*"] }],
        ["PATCH", path, { description: "x" }],
        ["DELETE", path],
        ["POST", `${path}/test`],
        ["POST", `${path}/rotate-secret`, {}],
        ["POST", `${path}/retry-failed`, { since: nowSeconds() }],
        ["POST", `${path}/deliveries/whdel_x/resend`],
      ] as const) {
        const refused = await dashboardCall(server, member.cookie, method, at, body);
        expect([role, at, refused.status, refused.code]).toEqual([role, at, 403, "missing_permission"]);
      }
    }
    const stranger = await signIn();
    expect((await dashboardCall(server, stranger.cookie, "GET", path)).status).toBe(404);
    expect((await dashboardCall(server, stranger.cookie, "POST", `${path}/rotate-secret`, {})).status).toBe(404);
  });
});

describe("the API-key recovery actions", () => {
  it("rotate_secret, retry_failed and deliveries/{id}/resend serve a key's own endpoints", async () => {
    const { testKey } = await merchantWithKeys(server);
    const receiver = await startReceiver(500);
    const endpoint = await testKey.webhookEndpoints.create({ url: receiver.url, enabled_events: ["customer.created"] });
    await testKey.customers.create({ name: "Ada" });
    await deliverDueWebhooks(db);
    const rotated = await testKey.webhookEndpoints.rotateSecret(endpoint.id, { expires_in: 60 });
    expect(rotated.secret).not.toBe(endpoint.secret);
    const [delivery] = (await testKey.webhookEndpoints.deliveries(endpoint.id)).data;
    receiver.state.status = 200;
    const resent = await testKey.webhookEndpoints.resend(endpoint.id, delivery?.id ?? "");
    expect(resent.status).toBe("pending");
    await deliverDueWebhooks(db);
    const header = String(receiver.received.at(-1)?.headers["webhook-signature"]);
    expect(header.match(/v1=/g)).toHaveLength(2);
    const retried = await testKey.webhookEndpoints.retryFailed(endpoint.id, { since: nowSeconds() - 60 });
    expect(retried).toMatchObject({ object: "webhook_retry", requeued: 0 });
  });
});
