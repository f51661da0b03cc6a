import { describe, expect, it } from "vitest";
import { cachedKey } from "@/test/support/cached-key";
import { metrics } from "@/lib/metrics";
import { KeyCache, type CachedKey } from "./cache";

describe("KeyCache", () => {
  it("loads once, then serves from memory", async () => {
    const cache = new KeyCache({ maxEntries: 10, ttlMs: 1000, negativeTtlMs: 100 });
    let loads = 0;
    const load = async (hash: string) => {
      loads += 1;
      return cachedKey(hash.slice(2));
    };
    await Promise.all([cache.get("h_a", load), cache.get("h_a", load)]);
    await cache.get("h_a", load);
    expect(loads).toBe(1);
  });

  it("while degraded, trusts an entry only degradedTtlMs after loading; back to the TTL once the channel is back", async () => {
    let now = 0;
    const cache = new KeyCache({ maxEntries: 10, ttlMs: 60_000, negativeTtlMs: 100, degradedTtlMs: 2000 }, () => now);
    await cache.get("h_a", async () => cachedKey("a"));
    cache.degrade(true);
    now = 1999;
    expect(cache.peek("h_a")?.id).toBe("a");
    now = 2001;
    expect(cache.peek("h_a")).toBeUndefined();
    await cache.get("h_a", async () => cachedKey("a"));
    cache.degrade(false);
    now = 30_000;
    expect(cache.peek("h_a")?.id).toBe("a");
  });

  it("invalidates by key, application and merchant", async () => {
    const cache = new KeyCache({ maxEntries: 10, ttlMs: 60_000, negativeTtlMs: 100 });
    await cache.get("h_a", async () => cachedKey("a", "app_1", "mer_1"));
    await cache.get("h_b", async () => cachedKey("b", "app_2", "mer_1"));
    await cache.get("h_c", async () => cachedKey("c", "app_3", "mer_2"));
    cache.invalidate({ keyId: "a" });
    expect(cache.size).toBe(2);
    cache.invalidate({ applicationId: "app_2" });
    expect(cache.size).toBe(1);
    cache.invalidate({ merchantId: "mer_2" });
    expect(cache.size).toBe(0);
  });

  it("does not cache a lookup that raced with an invalidation", async () => {
    const cache = new KeyCache({ maxEntries: 10, ttlMs: 60_000, negativeTtlMs: 100 });
    let release: (value: CachedKey) => void = () => undefined;
    const pending = cache.get("h_a", () => new Promise<CachedKey>((resolve) => (release = resolve)));
    cache.invalidate({ keyId: "a" }); // e.g. the key was revoked while the stale row was in flight
    release(cachedKey("a"));
    await pending;
    expect(cache.size).toBe(0);
  });

  it("expires entries after their TTL and evicts the least recently used beyond its bound", async () => {
    let now = 0;
    const cache = new KeyCache({ maxEntries: 2, ttlMs: 10_000, negativeTtlMs: 10 }, () => now);
    let loads = 0;
    const load = async (hash: string) => {
      loads += 1;
      return hash === "h_none" ? null : cachedKey(hash.slice(2));
    };
    const evictions = async () => (await metrics.keyCacheEvictions.get()).values[0]?.value ?? 0;
    const evictedBefore = await evictions();
    await cache.get("h_a", load);
    await cache.get("h_b", load);
    await cache.get("h_a", load); // a hit within a second of the last move keeps the order: a is still the oldest
    now = 500;
    await cache.get("h_c", load); // evicts a
    expect(loads).toBe(3);
    await cache.get("h_a", load);
    expect(loads).toBe(4); // evicts b
    now = 1600;
    await cache.get("h_c", load); // over a second since c last moved: it moves to the most recent end
    now = 1700;
    await cache.get("h_b", load); // evicts a, the least recently used
    expect(loads).toBe(5);
    await cache.get("h_c", load);
    expect(loads).toBe(5);
    await cache.get("h_a", load);
    expect(loads).toBe(6);
    expect((await evictions()) - evictedBefore).toBe(4); // a, b, a, c: what the metrics count as evictions
    now = 20_000;
    await cache.get("h_a", load); // expired
    expect(loads).toBe(7);
    await cache.get("h_none", load);
    now += 20;
    await cache.get("h_none", load);
    expect(loads).toBe(9);
  });
});
