import { describe, expect, it } from "vitest";
import { operations } from "@/lib/contract";
import { bearer, createKey, routeTestServer } from "@/test/support";

const server = routeTestServer();
const SHOP = "https://shop.example";
const EVIL = "https://evil.example";

// Every path with API-key operations, generated from the contract: a new one is covered by being declared.
const browserPaths = [...new Set(operations.filter((op) => op.auth.kind === "apiKey").map((op) => op.path))];
const methodsOf = (path: string) =>
  operations.filter((op) => op.path === path && op.auth.kind === "apiKey").map((op) => op.method);
const urlOf = (path: string) => `${server.url}${path.replace(/\{\w+\}/g, "obj_1")}`;

const preflight = (path: string, headers: Record<string, string>) => fetch(urlOf(path), { method: "OPTIONS", headers });
const browserPreflight = (path: string, origin: string) =>
  preflight(path, {
    Origin: origin,
    "Access-Control-Request-Method": methodsOf(path).at(-1) ?? "GET",
    "Access-Control-Request-Headers": "authorization,content-type,idempotency-key",
  });
const get = (path: string, headers: Record<string, string>) => fetch(`${server.url}${path}`, { headers });

function expectReadableBy(response: Response, origin: string) {
  expect(response.headers.get("access-control-allow-origin")).toBe(origin);
  const exposed = response.headers.get("access-control-expose-headers")?.split(", ") ?? [];
  expect(exposed).toEqual(expect.arrayContaining(["X-Request-Id", "RateLimit-Remaining", "Retry-After"]));
  expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  expect(response.headers.get("vary")).toContain("Origin");
}
function expectNotReadable(response: Response) {
  expect(response.headers.get("access-control-allow-origin")).toBeNull();
  expect(response.headers.get("access-control-expose-headers")).toBeNull();
}

describe("CORS preflights", () => {
  it("covers every path with API-key operations", () => {
    expect(browserPaths.length).toBeGreaterThan(10);
  });

  it.each(browserPaths)("OPTIONS %s answers a browser with its methods and the API's headers", async (path) => {
    const response = await browserPreflight(path, SHOP);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(response.headers.get("access-control-allow-methods")?.split(", ").sort()).toEqual(methodsOf(path).sort());
    expect(response.headers.get("access-control-allow-headers")?.split(", ")).toEqual(
      expect.arrayContaining(["Authorization", "X-Api-Key", "Idempotency-Key", "Content-Type"]),
    );
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("vary")).toContain("Origin");
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("answers no CORS to Origin null or a non-web origin, nor to an OPTIONS that is no preflight", async () => {
    for (const origin of ["null", "file://", "https://shop.example/path"]) {
      expectNotReadable(await browserPreflight("/api/v1/me", origin));
    }
    const plain = await preflight("/api/v1/payment_links", {});
    expect(plain.status).toBe(204);
    expect(plain.headers.get("allow")).toBe("GET, POST, OPTIONS");
    expectNotReadable(plain);
  });

  it("answers no preflight on the management routes, which take the dashboard's cookie", async () => {
    for (const path of ["/api/v1/applications", "/api/v1/api-keys", "/api/v1/management-tokens"]) {
      expectNotReadable(await browserPreflight(path, SHOP));
    }
  });
});

describe("CORS on API-key responses", () => {
  it("lets a page of an allowed origin read the answer, and gives other origins nothing to read", async () => {
    const { secret } = await createKey({ allowedOrigins: [SHOP] });
    const allowed = await get("/api/v1/me", bearer(secret, { Origin: SHOP }));
    expect(allowed.status).toBe(200);
    expectReadableBy(allowed, SHOP);

    const refused = await get("/api/v1/me", bearer(secret, { Origin: EVIL }));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("origin_not_allowed");
    expectNotReadable(refused);
    expect(refused.headers.get("vary")).toContain("Origin");

    const backend = await get("/api/v1/me", bearer(secret));
    expect(backend.status).toBe(200);
    expectNotReadable(backend);
    expect(backend.headers.get("vary")).toContain("Origin");
  });

  it("gives an origin no CORS headers for an unknown key, or a key whose application does not list it", async () => {
    await createKey({ allowedOrigins: [SHOP] }); // another application listing the origin changes nothing
    const { secret } = await createKey();
    expectNotReadable(await get("/api/v1/me", bearer(secret, { Origin: SHOP })));
    expectNotReadable(await get("/api/v1/me", bearer(`ck_test_${"x".repeat(32)}`, { Origin: SHOP })));
    expectNotReadable(await get("/api/v1/me", { Origin: SHOP }));
  });

  it("makes refusals after the origin check readable: a missing scope, and a rate limit with Retry-After", async () => {
    const { secret } = await createKey({ allowedOrigins: [SHOP], scopes: [], rateLimit: 1 });
    const unscoped = await get("/api/v1/payment_links", bearer(secret, { Origin: SHOP }));
    expect(unscoped.status).toBe(403);
    expectReadableBy(unscoped, SHOP);
    expect((await get("/api/v1/me", bearer(secret, { Origin: SHOP }))).status).toBe(200);
    const limited = await get("/api/v1/me", bearer(secret, { Origin: SHOP }));
    expect(limited.status).toBe(429);
    expectReadableBy(limited, SHOP);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("makes a mutation's validation error and its idempotent replay readable", async () => {
    const { secret } = await createKey({ allowedOrigins: [SHOP], scopes: ["customers:write"] });
    const post = (body: unknown) =>
      fetch(`${server.url}/api/v1/customers`, {
        method: "POST",
        headers: bearer(secret, { Origin: SHOP, "Content-Type": "application/json", "Idempotency-Key": "cors-1" }),
        body: JSON.stringify(body),
      });
    const invalid = await fetch(`${server.url}/api/v1/customers`, {
      method: "POST",
      headers: bearer(secret, { Origin: SHOP, "Content-Type": "application/json" }),
      body: JSON.stringify({ email: "not an email" }),
    });
    expect(invalid.status).toBe(400);
    expectReadableBy(invalid, SHOP);
    const created = await post({ email: "cors@shop.example" });
    expect(created.status).toBe(201);
    expectReadableBy(created, SHOP);
    const replayed = await post({ email: "cors@shop.example" });
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expectReadableBy(replayed, SHOP);
  });
});
