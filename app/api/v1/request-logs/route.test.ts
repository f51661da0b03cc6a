import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { overrideConfigForTests } from "@/lib/config";
import type { RequestLog, RequestLogDetail, RequestLogPage } from "@/lib/contract";
import { db } from "@/lib/db";
import { appContext, authRuntime } from "@/lib/keys";
import { revokeApiKey } from "@/lib/keys/lifecycle";
import { deliverDueWebhooks } from "@/lib/webhooks";
import { bearer, createApplication, createKey, queryCount, routeTestServer, signIn } from "@/test/support";

// The receiver below listens on 127.0.0.1: allowed only with the flag.
overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });

const server = routeTestServer();
const json = { "Content-Type": "application/json" };

type Owner = { cookie: string; merchantId: string };

async function list(owner: Owner, query = ""): Promise<RequestLogPage> {
  const response = await fetch(`${server.url}/api/v1/request-logs${query}`, { headers: { Cookie: owner.cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as RequestLogPage;
}
const retrieve = (owner: Owner, id: string) =>
  fetch(`${server.url}/api/v1/request-logs/${id}`, { headers: { Cookie: owner.cookie } });

/** A signed-in owner whose merchant has an application with a key that may do everything. */
async function ownerWithKey(mode: "test" | "live" = "test") {
  const owner = await signIn();
  const key = await createKey({ merchantId: owner.merchantId, mode });
  return { owner, ...key };
}

const api = (secret: string, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: bearer(secret, { "User-Agent": "logs-test/1.0", ...(init.headers as Record<string, string>) }),
  });

describe("the request log", () => {
  it("records each API-key request off the request path, and lists them newest first", async () => {
    const { owner, secret, key, applicationId } = await ownerWithKey();
    await api(secret, "/me"); // loads the key into the cache: the one query of its first request
    const before = queryCount();
    const ok = await api(secret, "/me");
    expect(queryCount() - before).toBe(0); // a cached key: no query, and so no write, on the request path
    expect(authRuntime.requestLog.size).toBeGreaterThanOrEqual(2); // both are in memory, waiting for the batch
    const bad = await api(secret, "/customers", { method: "POST", headers: json, body: '{"email":"nope"}' });
    expect(bad.status).toBe(400);
    const created = await api(secret, "/customers", {
      method: "POST",
      headers: { ...json, "Idempotency-Key": "cus-1" },
      body: '{"email":"a@example.com"}',
    });
    const customer = (await created.json()) as { id: string };
    expect(await db.requestLog.count({ where: { merchantId: owner.merchantId } })).toBe(0); // nothing yet: batched
    await authRuntime.requestLog.flush();

    const page = await list(owner);
    expect(page.items.map((item) => [item.method, item.path, item.status])).toEqual([
      ["POST", "/api/v1/customers", 201],
      ["POST", "/api/v1/customers", 400],
      ["GET", "/api/v1/me", 200],
      ["GET", "/api/v1/me", 200],
    ]);
    const [write, refused, read] = page.items as [RequestLog, RequestLog, RequestLog, RequestLog];
    expect(read).toMatchObject({
      object: "request_log",
      requestId: ok.headers.get("x-request-id"),
      mode: "test",
      apiKeyId: key.id,
      applicationId,
      ip: "127.0.0.1",
      userAgent: "logs-test/1.0",
      idempotencyKey: null,
      error: null,
      objectIds: [],
    });
    expect(read.durationMs).toBeGreaterThanOrEqual(0);
    expect(refused.error).toMatchObject({ type: "invalid_request", code: "parameter_invalid" });
    expect(refused.requestId).toBe(bad.headers.get("x-request-id"));
    expect(write).toMatchObject({ idempotencyKey: "cus-1", error: null, objectIds: [customer.id] });
    expect(page).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it("records refusals of a known key, never a request whose key is unknown", async () => {
    const { owner, secret, key } = await ownerWithKey();
    await api(secret, "/me");
    await revokeApiKey(appContext, { keyId: key.id });
    expect((await api(secret, "/me")).status).toBe(401);
    expect((await api("ck_test_notarealkeyatallnotarealkey", "/me")).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/me`)).status).toBe(401);
    await authRuntime.requestLog.flush();
    const { items } = await list(owner);
    expect(items.map((item) => [item.status, item.error?.code ?? null, item.apiKeyId])).toEqual([
      [401, "revoked_api_key", key.id],
      [200, null, key.id],
    ]);
  });

  it("filters by key, application, status class, method, path, time and mode, and pages with a cursor", async () => {
    const owner = await signIn();
    const first = await createKey({ merchantId: owner.merchantId });
    const other = await createKey({
      merchantId: owner.merchantId,
      applicationId: (await createApplication(owner.merchantId)).id,
    });
    const live = await createKey({ merchantId: owner.merchantId, applicationId: first.applicationId, mode: "live" });
    for (let i = 0; i < 3; i += 1) await api(first.secret, "/me");
    await api(first.secret, "/payment_links/plink_missing");
    await api(other.secret, "/customers?limit=2");
    await api(live.secret, "/me");
    await authRuntime.requestLog.flush();

    const statuses = async (query: string) => (await list(owner, query)).items.map((item) => item.status);
    expect(await statuses("?mode=test")).toEqual([200, 404, 200, 200, 200]);
    expect(await statuses("?mode=live")).toEqual([200]);
    expect(await statuses(`?apiKeyId=${other.key.id}`)).toEqual([200]);
    expect(await statuses(`?applicationId=${first.applicationId}`)).toEqual([200, 404, 200, 200, 200]);
    expect(await statuses("?status=4xx")).toEqual([404]);
    expect(await statuses("?status=5xx")).toEqual([]);
    expect(await statuses("?status=2xx&mode=test&path=/api/v1/me")).toEqual([200, 200, 200]);
    expect(await statuses("?method=POST")).toEqual([]);
    expect(await statuses(`?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect(await statuses(`?until=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toHaveLength(6);

    const one = await list(owner, "?limit=4");
    expect(one.items).toHaveLength(4);
    expect(one).toMatchObject({ hasMore: true, nextCursor: one.items[3]!.id });
    const two = await list(owner, `?limit=4&starting_after=${one.nextCursor}`);
    expect(two).toMatchObject({ hasMore: false, nextCursor: null });
    expect([...one.items, ...two.items].map((item) => item.id)).toEqual(
      (await list(owner, "?limit=100")).items.map((item) => item.id),
    );

    const badQuery = await fetch(`${server.url}/api/v1/request-logs?status=3xx&since=yesterday`, {
      headers: { Cookie: owner.cookie },
    });
    expect(badQuery.status).toBe(400);
  });

  it("shows one request, by its id or its request id, with its trace down to each delivery attempt", async () => {
    const received: number[] = [];
    const receiver = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        received.push(received.length);
        response.writeHead(503).end("down");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
    const { owner, secret } = await ownerWithKey();
    const endpoint = await api(secret, "/webhook_endpoints", {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
        enabled_events: ["customer.created"],
      }),
    });
    expect(endpoint.status).toBe(201);
    const created = await api(secret, "/customers", { method: "POST", headers: json, body: '{"name":"Ada"}' });
    const customer = (await created.json()) as { id: string };
    const requestId = created.headers.get("x-request-id")!;
    await deliverDueWebhooks(db);
    expect(received).toHaveLength(1);
    await authRuntime.requestLog.flush();

    const byRequestId = await retrieve(owner, requestId);
    expect(byRequestId.status).toBe(200);
    const detail = (await byRequestId.json()) as RequestLogDetail;
    expect(detail).toMatchObject({ requestId, method: "POST", path: "/api/v1/customers", status: 201 });
    expect(detail.trace.objects).toEqual([{ id: customer.id, object: "customer" }]);
    expect(detail.trace.events).toHaveLength(1);
    const [event] = detail.trace.events;
    expect(event).toMatchObject({ type: "customer.created", objectId: customer.id });
    expect(event!.deliveries).toHaveLength(1);
    expect(event!.deliveries[0]).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatusCode: 503,
      lastError: "http_status",
      endpoint: { url: expect.stringContaining("/hooks") },
    });
    expect(event!.deliveries[0]!.attemptLog).toEqual([
      expect.objectContaining({ status_code: 503, error: "http_status" }),
    ]);
    expect(await (await retrieve(owner, detail.id)).json()).toEqual(detail);

    // The endpoint's own creation is a request with an object and no event of the customer's.
    const { items } = await list(owner, "?method=POST&path=/api/v1/webhook_endpoints");
    const creation = (await (await retrieve(owner, items[0]!.id)).json()) as RequestLogDetail;
    expect(creation.trace.objects.map((object) => object.object)).toEqual(["webhook_endpoint"]);
    expect(creation.trace.events.map((each) => each.type)).toEqual(["webhook_endpoint.created"]);
  });

  it("shows a merchant only its own requests: another merchant's answers 404, as an unknown id does", async () => {
    const mine = await ownerWithKey();
    const theirs = await ownerWithKey();
    const theirRequest = await api(theirs.secret, "/me");
    await authRuntime.requestLog.flush();
    expect((await list(mine.owner)).items).toEqual([]);
    for (const id of [theirRequest.headers.get("x-request-id")!, "rlog_missing"]) {
      const response = await retrieve(mine.owner, id);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("resource_missing");
    }
    const viewer = await signIn({ merchantId: theirs.owner.merchantId, role: "viewer" });
    expect((await list(viewer)).items).toHaveLength(1); // every member reads
  });
});
