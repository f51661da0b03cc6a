import { describe, expect, it } from "vitest";
import { bearer, createApplication, createKey, routeTestServer, failure } from "@/test/support";
import { appContext } from "@/lib/keys";
import { createApiKey } from "@/lib/keys/lifecycle";

const server = routeTestServer();

// Raw HTTP, for what the SDK intentionally hides: invalid JSON, oversize bodies, chosen Idempotency-Key replays.
function call(secret: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: bearer(secret, { "Content-Type": "application/json", ...headers }),
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A raw create with a chosen Idempotency-Key, for the status and the `Idempotent-Replayed` header. */
function createWithKey(secret: string, body: unknown, idempotencyKey: string) {
  return call(secret, "POST", "/payment_links", body, { "Idempotency-Key": idempotencyKey });
}

describe("/api/v1/payment_links", () => {
  it("creates, retrieves, updates and archives a link", async () => {
    const client = server.sdk((await createKey()).secret);
    const link = await client.paymentLinks.create({
      amount: 4999,
      currency: "USD",
      description: "T-shirt",
      metadata: { sku: "tee-1" },
    });
    expect(link).toMatchObject({
      object: "payment_link",
      livemode: false,
      active: true,
      amount: 4999,
      currency: "usd",
      description: "T-shirt",
      metadata: { sku: "tee-1" },
    });
    expect(link.id).toMatch(/^plink_/);
    expect(typeof link.created).toBe("number");

    expect(await client.paymentLinks.retrieve(link.id)).toEqual(link);
    const updated = await client.paymentLinks.update(link.id, { description: "Blue T-shirt" });
    expect(updated).toMatchObject({ id: link.id, description: "Blue T-shirt", amount: 4999 });
    const archived = await client.paymentLinks.archive(link.id);
    expect(archived.active).toBe(false);
  });

  it("answers 201 to a create", async () => {
    const { secret } = await createKey();
    expect((await call(secret, "POST", "/payment_links", { amount: 1, currency: "usd" })).status).toBe(201);
  });

  it("lists newest first with cursor pagination", async () => {
    const client = server.sdk((await createKey()).secret);
    const ids: string[] = [];
    for (const amount of [100, 200, 300]) ids.push((await client.paymentLinks.create({ amount, currency: "eur" })).id);
    const first = await client.paymentLinks.list({ limit: 2 });
    expect(first).toMatchObject({ object: "list", has_more: true });
    expect(first.data.map((l) => l.id)).toEqual([ids[2], ids[1]]);
    const second = await client.paymentLinks.list({ limit: 2, starting_after: first.data[1]?.id });
    expect(second.has_more).toBe(false);
    expect(second.data.map((l) => l.id)).toEqual([ids[0]]);
    const bad = await failure(client.paymentLinks.list({ limit: 1000 }));
    expect(bad).toMatchObject({ status: 400, param: "limit" });
  });

  it("hides other merchants' links and the other mode's links (404 resource_missing)", async () => {
    const owner = await createKey({ mode: "test" });
    const link = await server.sdk(owner.secret).paymentLinks.create({ amount: 500, currency: "usd" });
    const stranger = await createKey();
    const app = await createApplication(owner.merchantId);
    const live = await createApiKey(appContext, {
      owner: { merchantId: owner.merchantId, applicationId: app.id },
      key: { name: "live", mode: "live", scopes: ["links:read", "links:write"] },
    });

    for (const secret of [stranger.secret, live.secret]) {
      const client = server.sdk(secret);
      const error = await failure(client.paymentLinks.retrieve(link.id));
      expect(error).toMatchObject({ status: 404, type: "not_found", code: "resource_missing" });
      expect(error.requestId).toMatch(/^req_/);
      expect((await failure(client.paymentLinks.archive(link.id))).status).toBe(404);
      expect((await client.paymentLinks.list()).data).toEqual([]);
    }
    const liveLink = await server.sdk(live.secret).paymentLinks.create({ amount: 500, currency: "usd" });
    expect(liveLink.livemode).toBe(true);
  });

  it("validates input with a 400 that names the parameter, and writes nothing", async () => {
    const { secret } = await createKey();
    const client = server.sdk(secret);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ amount: 0, currency: "usd" }, "amount", "parameter_invalid"],
      [{ amount: 1.5, currency: "usd" }, "amount", "parameter_invalid"],
      [{ amount: 100, currency: "dollars" }, "currency", "parameter_invalid"],
      [{ amount: 100, currency: "usd", color: "red" }, "color", "parameter_unknown"],
      [
        { amount: 100, currency: "usd", metadata: JSON.parse('{"__proto__": "x"}') },
        "metadata.__proto__",
        "parameter_invalid",
      ],
      [{ amount: 100, currency: "usd", metadata: { constructor: "x" } }, "metadata.constructor", "parameter_invalid"],
      [{ amount: 100, currency: "usd", metadata: { prototype: "x" } }, "metadata.prototype", "parameter_invalid"],
      // PostgreSQL can't store a NUL; a lone surrogate would be stored as U+FFFD: both refused on every database.
      [{ amount: 100, currency: "usd", description: "a\u0000b" }, "description", "parameter_invalid"],
      [{ amount: 100, currency: "usd", metadata: { note: "x\ud800" } }, "metadata.note", "parameter_invalid"],
      [{ amount: 100, currency: "usd", metadata: { "k\u0000": "v" } }, "metadata.k\u0000", "parameter_invalid"],
    ];
    for (const [body, param, code] of cases) {
      const error = await failure(client.paymentLinks.create(body as { amount: number; currency: string }));
      expect(error).toMatchObject({ status: 400, type: "invalid_request", code });
      expect(error.param).toBe(param);
    }
    const invalidJson = await call(secret, "POST", "/payment_links", "{not json");
    expect(invalidJson.status).toBe(400);
    expect((await invalidJson.json()).error).toMatchObject({ type: "invalid_request", code: "invalid_json" });
    expect((await client.paymentLinks.list()).data).toEqual([]);
    const huge = await call(
      secret,
      "POST",
      "/payment_links",
      JSON.stringify({ amount: 1, currency: "usd", description: "x".repeat(1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
  });

  it("requires links:read to read and links:write to write", async () => {
    const reader = server.sdk((await createKey({ scopes: ["links:read"] })).secret);
    const writer = server.sdk((await createKey({ scopes: ["links:write"] })).secret);
    const refused = await failure(reader.paymentLinks.create({ amount: 1, currency: "usd" }));
    expect(refused).toMatchObject({ status: 403, type: "permission", code: "missing_scope" });
    expect(refused.message).toContain("links:write");
    expect((await reader.paymentLinks.list()).object).toBe("list");
    expect((await failure(writer.paymentLinks.list())).status).toBe(403);
  });

  it("records payment_link.created and payment_link.updated (archive included) with the object's snapshot", async () => {
    const client = server.sdk((await createKey()).secret);
    const link = await client.paymentLinks.create({ amount: 1200, currency: "usd" });
    await client.paymentLinks.update(link.id, { description: "Mug" });
    await client.paymentLinks.archive(link.id);
    const events = (await client.events.list()).data;
    expect(events.map((event) => event.type)).toEqual([
      "payment_link.updated",
      "payment_link.updated",
      "payment_link.created",
    ]);
    expect(events[0]?.data.object).toMatchObject({ id: link.id, active: false, description: "Mug" });
    expect(events[2]?.data.object).toEqual(link);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response, refuses reuse with another body, and does not store failed validation", async () => {
    const { secret } = await createKey();
    const client = server.sdk(secret);
    const first = await client.paymentLinks.create({ amount: 700, currency: "usd" }, { idempotencyKey: "order-1" });
    const replay = await createWithKey(secret, { amount: 700, currency: "usd" }, "order-1");
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(first);
    expect(await client.paymentLinks.create({ amount: 700, currency: "usd" }, { idempotencyKey: "order-1" })).toEqual(
      first,
    );
    expect((await client.paymentLinks.list()).data).toHaveLength(1);

    const reused = await failure(
      client.paymentLinks.create({ amount: 800, currency: "usd" }, { idempotencyKey: "order-1" }),
    );
    expect(reused).toMatchObject({ status: 400, type: "idempotency", code: "idempotency_key_reused" });

    expect(
      (await failure(client.paymentLinks.create({ amount: -1, currency: "usd" }, { idempotencyKey: "order-2" })))
        .status,
    ).toBe(400);
    const valid = await createWithKey(secret, { amount: 5, currency: "usd" }, "order-2");
    expect(valid.status).toBe(201);
    expect(valid.headers.get("idempotent-replayed")).toBeNull();

    expect(
      (await failure(client.paymentLinks.create({ amount: 5, currency: "usd" }, { idempotencyKey: "k".repeat(256) })))
        .status,
    ).toBe(400);
  });

  it("keeps keys per API key: another key may use the same Idempotency-Key", async () => {
    const a = await createKey();
    const b = await createKey();
    expect((await createWithKey(a.secret, { amount: 1, currency: "usd" }, "shared")).status).toBe(201);
    const other = await createWithKey(b.secret, { amount: 1, currency: "usd" }, "shared");
    expect(other.status).toBe(201);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
  });

  it("the SDK sends a fresh Idempotency-Key per call: two identical creates make two links", async () => {
    const client = server.sdk((await createKey()).secret);
    const one = await client.paymentLinks.create({ amount: 9, currency: "usd" });
    const two = await client.paymentLinks.create({ amount: 9, currency: "usd" });
    expect(one.id).not.toBe(two.id);
  });
});
