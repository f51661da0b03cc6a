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

/** The invalidations this process's metrics counted, in one direction. */
async function counted(direction: "sent" | "received"): Promise<number> {
  const { values } = await metrics.invalidations.get();
  return values.find((value) => value.labels.direction === direction)?.value ?? 0;
}

/** Two buses on one transport stand for two app processes: what one invalidates, the other drops. */
async function expectCrossProcessInvalidation(env: { redisUrl?: string; databaseUrl?: string }) {
  const cacheA = new KeyCache({ maxEntries: 10, ttlMs: 60_000, negativeTtlMs: 1000 });
  const cacheB = new KeyCache({ maxEntries: 10, ttlMs: 60_000, negativeTtlMs: 1000 });
  const busA = new InvalidationBus(cacheA, env);
  const busB = new InvalidationBus(cacheB, env);
  try {
    expect(await busA.start()).not.toBeNull();
    expect(await busB.start()).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200)); // subscriptions settle
    await cacheB.get("h_k1", async () => cachedKey("k1", null, null));
    await cacheB.get("h_k2", async () => cachedKey("k2", null, null));
    const [sent, received] = [await counted("sent"), await counted("received")];
    await busA.publish({ keyId: "k1" });
    await eventually(() => cacheB.size === 1);
    expect((await counted("sent")) - sent).toBe(1);
    // At least: other test runs may share this Redis or PostgreSQL channel.
    expect((await counted("received")) - received).toBeGreaterThanOrEqual(1);
  } finally {
    await busA.close();
    await busB.close();
  }
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

  it.runIf(config.DATABASE_URL?.startsWith("postgres"))(
    "reaches another process through PostgreSQL LISTEN/NOTIFY",
    async () => {
      await expectCrossProcessInvalidation({ databaseUrl: config.DATABASE_URL });
    },
  );
});
