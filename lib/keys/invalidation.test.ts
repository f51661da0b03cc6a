import pg from "pg";
import { describe, expect, it } from "vitest";
import { config } from "../config";
import { metrics } from "../metrics";
import { InvalidationBus } from "./invalidation";
import { cachedKey } from "@/test/support/cached-key";
import { KeyCache } from "./cache";

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Two buses on one transport stand for two app processes; `run` gets the second one's cache and the first bus. */
async function withTwoBuses(
  env: { redisUrl?: string; databaseUrl?: string },
  run: (cacheB: KeyCache, busA: InvalidationBus) => Promise<void>,
) {
  const options = { maxEntries: 10, ttlMs: 60_000, negativeTtlMs: 1000, degradedTtlMs: 60_000 };
  const cacheB = new KeyCache(options);
  const busA = new InvalidationBus(new KeyCache(options), env);
  const busB = new InvalidationBus(cacheB, env);
  try {
    expect(await busA.start()).not.toBeNull();
    expect(await busB.start()).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200)); // subscriptions settle
    await run(cacheB, busA);
  } finally {
    await busA.close();
    await busB.close();
  }
}

/** The invalidations this process's metrics counted, in one direction. */
async function counted(direction: "sent" | "received"): Promise<number> {
  const { values } = await metrics.invalidations.get();
  return values.find((value) => value.labels.direction === direction)?.value ?? 0;
}

/** What one process invalidates, the other drops; the metrics count it as sent and received. */
function expectCrossProcessInvalidation(env: { redisUrl?: string; databaseUrl?: string }) {
  return withTwoBuses(env, async (cacheB, busA) => {
    await cacheB.get("h_k1", async () => cachedKey("k1", null, null));
    await cacheB.get("h_k2", async () => cachedKey("k2", null, null));
    const [sent, received] = [await counted("sent"), await counted("received")];
    await busA.publish({ keyId: "k1" });
    await eventually(() => cacheB.size === 1);
    expect((await counted("sent")) - sent).toBe(1);
    // At least: other test runs may share this Redis or PostgreSQL channel.
    expect((await counted("received")) - received).toBeGreaterThanOrEqual(1);
  });
}

describe("InvalidationBus", () => {
  it("invalidates locally with no transport configured", async () => {
    const cache = new KeyCache({ maxEntries: 10, ttlMs: 60_000, negativeTtlMs: 1000 });
    const bus = new InvalidationBus(cache, {});
    await cache.get("h_k1", async () => cachedKey("k1", null, null));
    expect(await bus.start()).toBeNull();
    await bus.publish({ keyId: "k1" });
    expect(cache.size).toBe(0);
  });

  it.runIf(config.TEST_REDIS_URL)("reaches another process through Redis pub/sub", async () => {
    await expectCrossProcessInvalidation({ redisUrl: config.TEST_REDIS_URL });
  });

  it.runIf(config.TEST_REDIS_URL)(
    "through Redis, answers only once the other process has dropped the key",
    async () => {
      await withTwoBuses({ redisUrl: config.TEST_REDIS_URL }, async (cacheB, busA) => {
        for (let trial = 0; trial < 20; trial += 1) {
          await cacheB.get(`h_${trial}`, async () => cachedKey(`k${trial}`, null, null));
          await busA.publish({ keyId: `k${trial}` });
          expect(cacheB.peek(`h_${trial}`), `trial ${trial}`).toBeUndefined(); // at once: no waiting
        }
      });
    },
  );

  it.runIf(config.DATABASE_URL?.startsWith("postgres"))(
    "listens again after PostgreSQL dropped the listener's connection, and clears the cache then",
    async () => {
      const admin = new pg.Client({ connectionString: config.DATABASE_URL });
      await admin.connect();
      try {
        await withTwoBuses({ databaseUrl: config.DATABASE_URL }, async (cacheB, busA) => {
          await admin.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND datname = current_database() AND pid <> pg_backend_pid()",
          );
          await cacheB.get("h_1", async () => cachedKey("k1", null, null));
          await eventually(() => cacheB.size === 0); // listening again: what it may have missed is dropped
          await cacheB.get("h_2", async () => cachedKey("k2", null, null));
          await busA.publish({ keyId: "k2" });
          await eventually(() => cacheB.size === 0);
        });
      } finally {
        await admin.end();
      }
    },
  );

  it.runIf(config.DATABASE_URL?.startsWith("postgres"))(
    "reaches another process through PostgreSQL LISTEN/NOTIFY",
    async () => {
      await expectCrossProcessInvalidation({ databaseUrl: config.DATABASE_URL });
    },
  );
});
