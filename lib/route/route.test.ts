import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiKey, operation, type Access } from "../contract/operation";
import { createDb } from "../db";
import { createKey } from "@/test/support/fixtures";
import { route } from ".";

/** A test operation of the contract's shape, so route() serves it like any other. */
const op = <A extends Access>(auth: A, extra: { method?: "GET" | "POST"; path?: `/${string}` } = {}) =>
  operation({
    method: extra.method ?? "GET",
    path: extra.path ?? "/api/v1/test",
    auth,
    tag: "Test",
    summary: "A test operation",
    response: z.unknown(),
  });

const unreachable = createDb("postgresql://postgres@127.0.0.1:1/nowhere");
afterAll(() => unreachable.db.$disconnect());

const get = (secret: string) =>
  new Request("http://localhost/api/v1/test", { headers: { Authorization: `Bearer ${secret}` } });
const noParams = { params: Promise.resolve({}) };

describe("route() with an API key", () => {
  it("renders an unexpected exception as 500 api_error without internals", async () => {
    const { secret } = await createKey();
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const handler = route(op(apiKey()), async () => {
      throw new Error("column xyz does not exist at /srv/app/secret-path.ts");
    });
    const response = await handler(get(secret), noParams);
    expect(stderr).toHaveBeenCalled();
    stderr.mockRestore();
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error).toMatchObject({
      type: "api_error",
      code: "internal_error",
      requestId: response.headers.get("x-request-id"),
    });
    expect(JSON.stringify(body)).not.toMatch(/xyz|secret-path/);
  });

  it("answers 503 when the database cannot be reached", async () => {
    const { secret } = await createKey();
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const handler = route(op(apiKey()), async () => await unreachable.db.paymentLink.count());
    const response = await handler(get(secret), noParams);
    stderr.mockRestore();
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatchObject({ type: "api_error", code: "service_unavailable" });
    expect(response.headers.get("retry-after")).toBe("1");
  });

  // Next.js passes no params for a route without dynamic segments.
  const staticRoute = { params: undefined } as unknown as { params: Promise<Record<never, string>> };

  it("answers a cached key's read without a promise when the handler answers synchronously", async () => {
    const { secret, key } = await createKey({ rateLimit: 50 });
    const handler = route(op(apiKey("links:read")), ({ key: seen, livemode, owner, body }) => ({
      id: seen.id,
      livemode,
      ownerId: owner.ownerId,
      body: body ?? null,
    }));
    const first = handler(get(secret), staticRoute);
    expect(first).toBeInstanceOf(Promise); // the first request loads the key
    expect((await first).status).toBe(200);

    const second = handler(get(secret), staticRoute);
    expect(second).toBeInstanceOf(Response);
    const response = second as Response;
    expect(await response.json()).toEqual({ id: key.id, livemode: false, ownerId: key.merchantId, body: null });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-request-id")).toMatch(/^req_[0-9A-Za-z]{20}$/);
    expect([response.headers.get("ratelimit-limit"), response.headers.get("ratelimit-remaining")]).toEqual([
      "50",
      "48",
    ]);
  });

  it("renders what a synchronous handler throws, and refusals, on the same synchronous path", async () => {
    const { secret } = await createKey({ scopes: ["links:read"] });
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const broken = route(op(apiKey()), () => {
      throw new Error("internal detail");
    });
    await broken(get(secret), staticRoute); // loads the key
    const crashed = broken(get(secret), staticRoute) as Response;
    stderr.mockRestore();
    expect(crashed.status).toBe(500);
    expect(JSON.stringify(await crashed.json())).not.toMatch(/internal detail/);

    const refused = route(op(apiKey("links:write")), () => ({}))(get(secret), staticRoute) as Response;
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ type: "permission", code: "missing_scope" });
    expect(refused.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("awaits path parameters, reads the body of a mutation and keeps its Idempotency-Key", async () => {
    const { secret } = await createKey();
    let runs = 0;
    const created201 = operation({
      method: "POST",
      path: "/api/v1/test/{id}",
      auth: apiKey(),
      tag: "Test",
      summary: "A test operation",
      body: z.object({ n: z.number() }),
      response: z.unknown(),
      status: 201,
    });
    const handler = route(created201, async ({ params, body }) => ({ id: params.id, body, run: (runs += 1) }));
    const post = () =>
      new Request("http://localhost/api/v1/test/abc", {
        method: "POST",
        headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json", "Idempotency-Key": "once" },
        body: JSON.stringify({ n: 1 }),
      });
    const params = { params: Promise.resolve({ id: "abc" }) };
    const created = await handler(post(), params);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: "abc", body: { n: 1 }, run: 1 });
    const replayed = await handler(post(), params);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(await replayed.json()).toEqual({ id: "abc", body: { n: 1 }, run: 1 });
    expect(runs).toBe(1);
    expect(replayed.headers.get("x-request-id")).toMatch(/^req_/);
  });
});

describe("route(): the pipeline every caller shares", () => {
  const echo = operation({
    method: "POST",
    path: "/api/v1/test",
    auth: apiKey(),
    tag: "Test",
    summary: "A test operation",
    body: z.strictObject({ n: z.number() }),
    response: z.object({ n: z.number() }),
  });
  const post = (secret: string, body: string, contentType?: string) =>
    new Request("http://localhost/api/v1/test", {
      method: "POST",
      headers: { Authorization: `Bearer ${secret}`, ...(contentType ? { "Content-Type": contentType } : {}) },
      body,
    });
  const noParams = { params: Promise.resolve({}) };

  it("refuses a body that is not JSON with 415, before the handler runs", async () => {
    const { secret } = await createKey();
    let runs = 0;
    const handler = route(echo, ({ body }) => ((runs += 1), body));
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", undefined]) {
      const response = await handler(post(secret, '{"n":1}', contentType), noParams);
      expect(response.status).toBe(415);
      expect((await response.json()).error).toMatchObject({
        type: "invalid_request",
        code: "unsupported_media_type",
      });
    }
    expect(runs).toBe(0);
    const accepted = await handler(post(secret, '{"n":1}', "application/json; charset=utf-8"), noParams);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ n: 1 });
  });

  it("parses the body with the operation's schema: the handler never sees invalid input", async () => {
    const { secret } = await createKey();
    const handler = route(echo, ({ body }) => body);
    const response = await handler(post(secret, '{"n":"one"}', "application/json"), noParams);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "parameter_invalid", param: "n" });
  });

  it("sends Cache-Control: no-store on successes and errors alike", async () => {
    const { secret } = await createKey();
    const handler = route(echo, ({ body }) => body);
    const ok = await handler(post(secret, '{"n":1}', "application/json"), noParams);
    const refused = await handler(post("ck_test_nope", '{"n":1}', "application/json"), noParams);
    expect([ok.status, refused.status]).toEqual([200, 401]);
    expect([ok.headers.get("cache-control"), refused.headers.get("cache-control")]).toEqual(["no-store", "no-store"]);
  });

  it("checks the response against the contract outside production: a mismatch is a 500, not a silent leak", async () => {
    const { secret } = await createKey();
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const handler = route(echo, () => ({ n: "not a number" }) as unknown as { n: number });
    const response = await handler(post(secret, '{"n":1}', "application/json"), noParams);
    expect(stderr).toHaveBeenCalled();
    stderr.mockRestore();
    expect(response.status).toBe(500);
  });
});
