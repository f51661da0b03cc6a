import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startCluster, type Cluster } from "../support/cluster";
import { call, merchantConsole } from "../support/cluster-api";

// Suite items 4 and 5 of the scale-out issue: PostgreSQL or Redis stops under the instances (their fault proxies
// refuse and reset every connection) while requests keep coming, and comes back.
let cluster: Cluster;
let servers: string[];
let merchant: Awaited<ReturnType<typeof merchantConsole>>;

beforeAll(async () => {
  cluster = await startCluster(2, { LOG_LEVEL: "info", APPLICATION_KEY_LIMIT: "1000", FREE_PLAN_KEY_LIMIT: "1000" });
  servers = cluster.instances.map((instance) => instance.url);
  merchant = await merchantConsole();
});
afterAll(() => cluster?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 100 ms until it holds; the milliseconds it took, or a failure after `withinMs`. */
async function until(what: string, withinMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
    await sleep(100);
  }
}

/** A key made through the API and used once on every instance, so each has it cached. */
async function cachedKey() {
  const applicationId = await merchant.createApplication(servers[0]!);
  const key = await merchant.createKey(servers[0]!, applicationId);
  for (const server of servers)
    expect((await call(server, "GET", "/api/v1/me", { token: key.secret })).status).toBe(200);
  return key;
}

const logged = (event: string) =>
  cluster.instances.map(
    (instance) =>
      instance
        .output()
        .split("\n")
        .filter((line) => line.includes(`"event":"${event}"`)).length,
  );

describe("PostgreSQL stops for 5 s during traffic", () => {
  it("answers 503 with Retry-After where the database is needed, verifies cached keys, and recovers", async () => {
    const key = await cachedKey();
    const marker = `outage ${randomBytes(4).toString("hex")}`;
    const idempotencyKey = `retry-${randomBytes(8).toString("hex")}`;
    const create = (server: string) =>
      call(server, "POST", "/api/v1/payment_links", {
        token: key.secret,
        body: { amount: 1200, currency: "usd", description: marker },
        headers: { "Idempotency-Key": idempotencyKey },
      });

    await cluster.postgres.stop();
    const outageEnds = Date.now() + 5000;
    // A client retrying one POST with the same Idempotency-Key through the outage, on alternate instances.
    const retried = (async () => {
      for (let attempt = 0; ; attempt += 1) {
        const answer = await create(servers[attempt % 2]!);
        if (answer.status < 500) return { answer, attempt };
        await sleep(250);
      }
    })();
    while (Date.now() < outageEnds) {
      for (const server of servers) {
        const list = await call(server, "GET", "/api/v1/payment_links?limit=1", { token: key.secret });
        expect(list.status, JSON.stringify(list.body)).toBe(503);
        expect(list.body.error.code).toBe("service_unavailable");
        expect(Number(list.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await call(server, "GET", "/api/v1/me", { token: key.secret })).status).toBe(200);
      }
      await sleep(200);
    }

    await cluster.postgres.start();
    for (const server of servers) {
      await until(`${server} serves the database again`, 2000, async () => {
        const list = await call(server, "GET", "/api/v1/payment_links?limit=1", { token: key.secret });
        return list.status === 200;
      });
    }
    const { answer, attempt } = await retried;
    expect(answer.status).toBe(201);
    expect(attempt).toBeGreaterThan(0); // it did fail during the outage
    // Once more on each instance: the same object, not a second one.
    for (const server of servers) expect((await create(server)).body.id).toBe(answer.body.id);
    expect(await db.paymentLink.count({ where: { description: marker } })).toBe(1);
  });
});

describe("Redis stops", () => {
  it("keeps serving, warns once, stops a revoked key everywhere within 5 s, and resubscribes when it returns", async () => {
    const key = await cachedKey();
    const other = await cachedKey();
    const downBefore = logged("key_cache.invalidation_channel_down");
    await cluster.redis.stop();
    try {
      // Served with per-process limits while Redis is away, many times over.
      for (let i = 0; i < 20; i += 1)
        for (const server of servers)
          expect((await call(server, "GET", "/api/v1/me", { token: other.secret })).status).toBe(200);

      await merchant.manage(servers[0]!, "DELETE", `/api/v1/applications/${key.applicationId}/api-keys/${key.id}`);
      expect((await call(servers[0]!, "GET", "/api/v1/me", { token: key.secret })).status).toBe(401);
      await until("the revoked key is refused by the other instance", 5000, async () => {
        return (await call(servers[1]!, "GET", "/api/v1/me", { token: key.secret })).status === 401;
      });
    } finally {
      await cluster.redis.start();
    }
    const downAfter = logged("key_cache.invalidation_channel_down");
    expect(downAfter.map((count, index) => count - downBefore[index]!)).toEqual([1, 1]);
    // Once for the outage, not once per request.
    expect(logged("rate_limit.redis_unavailable").every((count) => count <= 1)).toBe(true);

    // Subscribed again on both: a revocation on A is in force on B for the very next request, as before the outage.
    await until("both instances listen again", 10_000, async () =>
      logged("key_cache.invalidation_channel_back").every((count) => count >= 1),
    );
    await merchant.manage(servers[0]!, "DELETE", `/api/v1/applications/${other.applicationId}/api-keys/${other.id}`);
    expect((await call(servers[1]!, "GET", "/api/v1/me", { token: other.secret })).status).toBe(401);
  });
});
