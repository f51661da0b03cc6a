import { describe, expect, it, vi } from "vitest";
import { config } from "../config";
import { MemoryRateLimiter, setRateLimitHeaders } from "./rate-limit";

describe("MemoryRateLimiter", () => {
  it("allows `limit` requests a window, then refuses until the window resets", async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    for (let i = 0; i < 3; i += 1) expect((await limiter.consume("k", 3, 60_000)).allowed).toBe(true);
    const refused = await limiter.consume("k", 3, 60_000);
    expect(refused).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 60 });
    expect((await limiter.consume("other", 3, 60_000)).allowed).toBe(true);
    expect(await limiter.peek("k")).toEqual({ count: 4, resetSeconds: 60 });
    expect(await limiter.peek("never")).toEqual({ count: 0, resetSeconds: 0 });
    now = 60_000;
    expect(await limiter.consume("k", 3, 60_000)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("renders RateLimit-* headers and Retry-After only when refused", () => {
    const allowed = new Headers();
    setRateLimitHeaders(allowed, { allowed: true, limit: 10, remaining: 9, resetSeconds: 30 });
    expect(Object.fromEntries(allowed)).toEqual({
      "ratelimit-limit": "10",
      "ratelimit-remaining": "9",
      "ratelimit-reset": "30",
    });
    const refused = new Headers();
    setRateLimitHeaders(refused, { allowed: false, limit: 10, remaining: 0, resetSeconds: 5 });
    expect(refused.get("Retry-After")).toBe("5");
  });
});

describe.runIf(config.TEST_REDIS_URL)("RedisRateLimiter (real Redis)", async () => {
  const { RedisRateLimiter } = await import("./rate-limit");
  const { connectRedis } = await import("../redis");
  const { randomBytes } = await import("node:crypto");

  it("shares one window across processes and never over-admits under concurrency", async () => {
    const [a, b] = [connectRedis(config.TEST_REDIS_URL!, "test-a"), connectRedis(config.TEST_REDIS_URL!, "test-b")];
    await Promise.all([a, b].map((client) => new Promise((resolve) => client.once("ready", resolve))));
    const limiters = [new RedisRateLimiter(a), new RedisRateLimiter(b)];
    const bucket = `test:${randomBytes(6).toString("hex")}`;
    const decisions = await Promise.all(
      Array.from({ length: 60 }, (_, i) => limiters[i % 2]!.consume(bucket, 20, 60_000)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
    expect(Math.min(...decisions.map((d) => d.remaining))).toBe(0);
    const window = await limiters[0]!.peek(bucket);
    expect(window.count).toBe(60);
    expect(window.resetSeconds > 0 && window.resetSeconds <= 60).toBe(true);
    expect(decisions.every((d) => d.resetSeconds > 0 && d.resetSeconds <= 60)).toBe(true);
    a.disconnect();
    b.disconnect();
  });

  it("keeps serving, limited in-process, and warns when Redis is unreachable", async () => {
    const down = connectRedis("redis://127.0.0.1:1", "test-down");
    const warnings: string[] = [];
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      warnings.push(String(chunk));
      return true;
    });
    try {
      const limiter = new RedisRateLimiter(down, new MemoryRateLimiter());
      expect((await limiter.consume("k", 1, 60_000)).allowed).toBe(true);
      expect((await limiter.consume("k", 1, 60_000)).allowed).toBe(false);
    } finally {
      stderr.mockRestore();
      down.disconnect();
    }
    expect(warnings.join("")).toContain("rate_limit.redis_unavailable");
  });
});
