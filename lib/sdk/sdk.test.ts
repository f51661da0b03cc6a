import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey, startTestServer, type TestServer } from "@/test/support";
import { signWebhookPayload } from "@/lib/webhooks";
import { Client, MerchantConsoleError, verifyWebhookSignature, type Fetch } from ".";

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fetch that answers from a script (a Response, or an Error to throw) and records each request. */
function scriptedFetch(script: Array<Response | Error>) {
  const calls: Call[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({
      url,
      method: init.method ?? "GET",
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body as string | undefined,
    });
    const next = script.shift();
    if (!next) throw new Error("unexpected extra request");
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, calls };
}

const envelope = (status: number, type: string, code: string, headers: Record<string, string> = {}) =>
  Response.json(
    {
      error: { type, code, message: `${code}!`, requestId: "req_123", ...(status === 400 ? { param: "amount" } : {}) },
    },
    { status, headers },
  );
const link = { id: "plink_1", object: "payment_link" };

function client(script: Array<Response | Error>, options: { maxRetries?: number } = {}) {
  const { fetch, calls } = scriptedFetch(script);
  const sleeps: number[] = [];
  const sdk = new Client({
    apiKey: "ck_test_x",
    baseUrl: "https://api.example/",
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return { sdk, calls, sleeps };
}

describe("Client: requests", () => {
  it("sends the key, JSON and a generated Idempotency-Key on POST; none on GET", async () => {
    const { sdk, calls } = client([
      Response.json(link, { status: 201 }),
      Response.json({ object: "list", data: [], has_more: false, url: "" }),
    ]);
    expect(await sdk.paymentLinks.create({ amount: 100, currency: "usd" })).toEqual(link);
    await sdk.paymentLinks.list({ limit: 5, starting_after: undefined });
    const [post, get] = calls;
    expect(post).toMatchObject({
      url: "https://api.example/api/v1/payment_links",
      method: "POST",
      body: '{"amount":100,"currency":"usd"}',
    });
    expect(post?.headers).toMatchObject({ Authorization: "Bearer ck_test_x", "Content-Type": "application/json" });
    expect(post?.headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(get).toMatchObject({
      url: "https://api.example/api/v1/payment_links?limit=5",
      method: "GET",
      body: undefined,
    });
    expect(get?.headers["Idempotency-Key"]).toBeUndefined();
  });

  it("escapes ids in paths", async () => {
    const { sdk, calls } = client([Response.json(link)]);
    await sdk.paymentLinks.retrieve("../me?x=1");
    expect(calls[0]?.url).toBe("https://api.example/api/v1/payment_links/..%2Fme%3Fx%3D1");
  });
});

describe("Client: retries", () => {
  it("retries a 429 after Retry-After seconds, with the same Idempotency-Key", async () => {
    const { sdk, calls, sleeps } = client([
      envelope(429, "rate_limited", "rate_limited", { "Retry-After": "3" }),
      Response.json(link, { status: 201 }),
    ]);
    expect(await sdk.paymentLinks.create({ amount: 1, currency: "usd" })).toEqual(link);
    expect(sleeps).toEqual([3000]);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers["Idempotency-Key"]).toBe(calls[0]?.headers["Idempotency-Key"]);
  });

  it("retries network errors and 5xx with backoff, keeping the caller's Idempotency-Key", async () => {
    const { sdk, calls, sleeps } = client([
      new TypeError("fetch failed"),
      envelope(503, "api_error", "service_unavailable"),
      Response.json(link, { status: 201 }),
    ]);
    expect(await sdk.paymentLinks.create({ amount: 1, currency: "usd" }, { idempotencyKey: "order-7" })).toEqual(link);
    expect(calls.map((call) => call.headers["Idempotency-Key"])).toEqual(["order-7", "order-7", "order-7"]);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(375);
    expect(sleeps[1]).toBeGreaterThanOrEqual(750);
  });

  it("stops after maxRetries and throws the last error", async () => {
    const { sdk, calls } = client([
      envelope(500, "api_error", "internal_error"),
      envelope(500, "api_error", "internal_error"),
      envelope(500, "api_error", "internal_error"),
    ]);
    const error = await sdk.paymentLinks.list().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(MerchantConsoleError);
    expect(error).toMatchObject({ status: 500, type: "api_error", code: "internal_error", requestId: "req_123" });
    expect(calls).toHaveLength(3);

    const offline = client([new TypeError("fetch failed")], { maxRetries: 0 });
    const network = await offline.sdk.me.retrieve().catch((reason: unknown) => reason);
    expect(network).toMatchObject({ status: 0, type: "api_error", code: "network_error", requestId: null });
    expect((network as MerchantConsoleError).cause).toBeInstanceOf(TypeError);
  });

  it("never retries other 4xx, and carries type, code, param and request id", async () => {
    const { sdk, calls } = client([envelope(400, "invalid_request", "parameter_invalid")]);
    const error = await sdk.paymentLinks.create({ amount: 0, currency: "usd" }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({
      name: "MerchantConsoleError",
      status: 400,
      type: "invalid_request",
      code: "parameter_invalid",
      param: "amount",
      requestId: "req_123",
      message: "parameter_invalid!",
    });
    expect(calls).toHaveLength(1);
    for (const status of [401, 403, 404, 409]) {
      const single = client([envelope(status, "not_found", "x")]);
      await single.sdk.customers.retrieve("cus_1").catch(() => undefined);
      expect(single.calls).toHaveLength(1);
    }
  });

  it("does not wait out a Retry-After longer than a minute", async () => {
    const { sdk, calls, sleeps } = client([envelope(429, "rate_limited", "rate_limited", { "Retry-After": "3600" })]);
    await expect(sdk.me.retrieve()).rejects.toMatchObject({ status: 429, code: "rate_limited" });
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("reports a response without the envelope as unexpected_response", async () => {
    const { sdk } = client(
      [new Response("<html>bad gateway</html>", { status: 502, headers: { "X-Request-Id": "req_proxy" } })],
      { maxRetries: 0 },
    );
    await expect(sdk.me.retrieve()).rejects.toMatchObject({
      status: 502,
      type: "api_error",
      code: "unexpected_response",
      requestId: "req_proxy",
    });
  });
});

describe("verifyWebhookSignature", () => {
  const secret = "whsec_0123456789abcdefghijABCDEFGHIJKL";
  const body = '{"id":"evt_1","type":"customer.created"}';
  const now = 1_800_000_000;

  it("accepts the server's signature and matches an independent HMAC", async () => {
    const header = signWebhookPayload(secret, body, now);
    expect(header).toBe(`t=${now},v1=${createHmac("sha256", secret).update(`${now}.${body}`).digest("hex")}`);
    expect(await verifyWebhookSignature(body, header, secret, 300, now + 10)).toBe(true);
    // Several v1 entries (e.g. during a secret rotation): one match is enough.
    expect(
      await verifyWebhookSignature(body, `t=${now},v1=${"0".repeat(64)},${header.split(",")[1]}`, secret, 300, now),
    ).toBe(true);
  });

  it("refuses a changed body, another secret, a stale or future timestamp, and malformed headers", async () => {
    const header = signWebhookPayload(secret, body, now);
    expect(await verifyWebhookSignature(body.replace("evt_1", "evt_2"), header, secret, 300, now)).toBe(false);
    expect(await verifyWebhookSignature(body, header, `${secret}x`, 300, now)).toBe(false);
    expect(await verifyWebhookSignature(body, header, secret, 300, now + 301)).toBe(false);
    expect(await verifyWebhookSignature(body, header, secret, 300, now - 301)).toBe(false);
    expect(await verifyWebhookSignature(body, header.replace(`t=${now}`, `t=${now + 1}`), secret, 300, now)).toBe(
      false,
    );
    for (const bad of [null, "", "v1=abc", `t=${now}`, `t=${now},v1=zz`, `t=soon,${header.split(",")[1]}`]) {
      expect(await verifyWebhookSignature(body, bad, secret, 300, now)).toBe(false);
    }
  });
});

describe("the SDK package", () => {
  /** Every module a folder's non-test files import at runtime (type-only imports excluded). */
  const runtimeImports = (dir: string) =>
    readdirSync(dir)
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
      .flatMap((file) =>
        [
          ...readFileSync(path.join(dir, file), "utf8").matchAll(
            /^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms,
          ),
        ].map(([statement, from]) => ({ file, statement, from: from ?? "" })),
      );

  it("imports at runtime nothing but its own files and the contract, so it bundles with fetch and zod alone", () => {
    for (const { file, statement, from } of runtimeImports(import.meta.dirname)) {
      const allowed = from.startsWith("./") || from === "../contract";
      expect({ file, statement, allowed }).toEqual({ file, statement, allowed: true });
    }
  });

  it("depends on a contract that imports nothing at runtime but zod and itself (no server code)", () => {
    const contract = path.join(import.meta.dirname, "..", "contract");
    const imports = runtimeImports(contract);
    expect(imports.length).toBeGreaterThan(10);
    for (const { file, statement, from } of imports) {
      const allowed = from.startsWith("./") || from === "zod";
      expect({ file, statement, allowed }).toEqual({ file, statement, allowed: true });
    }
  });
});

describe("Client against the API", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("me() describes the calling key", async () => {
    const { secret, key } = await createKey({ scopes: ["events:read"] });
    const me = await new Client({ apiKey: secret, baseUrl: server.url }).me.retrieve();
    expect(me).toMatchObject({ object: "api_key", id: key.id, mode: "test", livemode: false, scopes: ["events:read"] });
  });

  it("an invalid key is a 401 MerchantConsoleError with the request id", async () => {
    const error = await new Client({ apiKey: "ck_test_nope", baseUrl: server.url }).me
      .retrieve()
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({ status: 401, type: "authentication", code: "invalid_api_key" });
    expect((error as MerchantConsoleError).requestId).toMatch(/^req_/);
  });
});
