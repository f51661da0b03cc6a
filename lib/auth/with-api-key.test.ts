import { afterAll, describe, expect, it, vi } from "vitest";
import { createDb } from "../db";
import { json } from "../http/respond";
import { createKey } from "@/test/support/fixtures";
import { withApiKey } from "./with-api-key";

const unreachable = createDb("postgresql://postgres@127.0.0.1:1/nowhere");
afterAll(() => unreachable.db.$disconnect());

const get = (secret: string) =>
  new Request("http://localhost/api/v1/test", { headers: { Authorization: `Bearer ${secret}` } });
const noParams = { params: Promise.resolve({}) };

describe("withApiKey", () => {
  it("renders an unexpected exception as 500 api_error without internals", async () => {
    const { secret } = await createKey();
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const route = withApiKey({}, async () => {
      throw new Error("column xyz does not exist at /srv/app/secret-path.ts");
    });
    const response = await route(get(secret), noParams);
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
    const route = withApiKey({}, async () => Response.json(await unreachable.db.paymentLink.count()));
    const response = await route(get(secret), noParams);
    stderr.mockRestore();
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatchObject({ type: "api_error", code: "service_unavailable" });
    expect(response.headers.get("retry-after")).toBe("1");
  });

  // Next.js passes no params for a route without dynamic segments.
  const staticRoute = { params: undefined } as unknown as { params: Promise<Record<string, never>> };

  it("answers a cached key's read without a promise when the handler answers synchronously", async () => {
    const { secret, key } = await createKey({ rateLimit: 50 });
    const route = withApiKey({ scope: "links:read" }, ({ key: seen, livemode, ownerId, body }) =>
      json({ id: seen.id, livemode, ownerId, body: body ?? null }),
    );
    const first = route(get(secret), staticRoute);
    expect(first).toBeInstanceOf(Promise); // the first request loads the key
    expect((await first).status).toBe(200);

    const second = route(get(secret), staticRoute);
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
    const broken = withApiKey({}, () => {
      throw new Error("internal detail");
    });
    await broken(get(secret), staticRoute); // loads the key
    const crashed = broken(get(secret), staticRoute) as Response;
    stderr.mockRestore();
    expect(crashed.status).toBe(500);
    expect(JSON.stringify(await crashed.json())).not.toMatch(/internal detail/);

    const refused = withApiKey({ scope: "links:write" }, () => json({}))(get(secret), staticRoute) as Response;
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ type: "permission", code: "missing_scope" });
    expect(refused.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("awaits path parameters, reads the body of a mutation and keeps its Idempotency-Key", async () => {
    const { secret } = await createKey();
    let runs = 0;
    const route = withApiKey<{ id: string }>({}, async ({ params, body }) =>
      json({ id: params.id, body, run: (runs += 1) }, 201),
    );
    const post = () =>
      new Request("http://localhost/api/v1/test/abc", {
        method: "POST",
        headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json", "Idempotency-Key": "once" },
        body: JSON.stringify({ n: 1 }),
      });
    const params = { params: Promise.resolve({ id: "abc" }) };
    const created = await route(post(), params);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: "abc", body: { n: 1 }, run: 1 });
    const replayed = await route(post(), params);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(await replayed.json()).toEqual({ id: "abc", body: { n: 1 }, run: 1 });
    expect(runs).toBe(1);
    expect(replayed.headers.get("x-request-id")).toMatch(/^req_/);
  });
});
