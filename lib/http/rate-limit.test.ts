import { describe, expect, it } from "vitest";
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
