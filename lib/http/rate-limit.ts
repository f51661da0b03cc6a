import type { Redis } from "ioredis";
import { epochMs } from "../clock";
import { config } from "../config";
import { log } from "../log";
import { connectRedis } from "../redis";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit. The in-memory limiter answers synchronously, so the hot path awaits nothing. */
  consume(bucket: string, limit: number, windowMs: number): RateLimitDecision | Promise<RateLimitDecision>;
  /** How many hits the bucket's current window holds, and when it ends, without adding one. */
  peek(bucket: string): Promise<WindowState>;
}

export interface WindowState {
  count: number;
  /** Seconds until the window resets (0 when the bucket has no window). */
  resetSeconds: number;
}

function decide(count: number, limit: number, msLeft: number): RateLimitDecision {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
  };
}

/** Fixed windows in this process's memory: exact for one process, per-process when there are several. */
export class MemoryRateLimiter implements RateLimiter {
  private windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = epochMs) {}

  consume(bucket: string, limit: number, windowMs: number): RateLimitDecision {
    const now = this.now();
    let window = this.windows.get(bucket);
    if (!window || window.resetAt <= now) {
      if (this.windows.size > 50_000) this.prune(now);
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(bucket, window);
    }
    window.count += 1;
    return decide(window.count, limit, window.resetAt - now);
  }

  async peek(bucket: string): Promise<WindowState> {
    const window = this.windows.get(bucket);
    const now = this.now();
    if (!window || window.resetAt <= now) return { count: 0, resetSeconds: 0 };
    return { count: window.count, resetSeconds: Math.ceil((window.resetAt - now) / 1000) };
  }

  private prune(now: number): void {
    for (const [bucket, window] of this.windows) if (window.resetAt <= now) this.windows.delete(bucket);
  }
}

// Increment and expiry in one atomic step: no read-then-write race between processes.
const CONSUME_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

/**
 * One shared window per bucket across every process. If Redis is unreachable the request is still served,
 * limited by this process's own window, and a warning is logged: an outage of the limiter is not an outage of the API.
 */
export class RedisRateLimiter implements RateLimiter {
  private lastWarning = 0;

  constructor(
    private readonly redis: Redis,
    private readonly fallback: RateLimiter = new MemoryRateLimiter(),
  ) {}

  async consume(bucket: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    try {
      const reply = (await this.redis.eval(
        CONSUME_SCRIPT,
        1,
        `${config.REDIS_PREFIX}ratelimit:${bucket}`,
        windowMs,
      )) as [number, number];
      return decide(reply[0], limit, reply[1]);
    } catch (error) {
      if (Date.now() - this.lastWarning > 30_000) {
        this.lastWarning = Date.now();
        log.warn("rate_limit.redis_unavailable", { message: (error as Error).message, fallback: "in-process" });
      }
      return this.fallback.consume(bucket, limit, windowMs);
    }
  }

  async peek(bucket: string): Promise<WindowState> {
    try {
      const key = `${config.REDIS_PREFIX}ratelimit:${bucket}`;
      const [count, ttl] = ((await this.redis.multi().get(key).pttl(key).exec()) ?? []).map(([error, value]) => {
        if (error) throw error;
        return Number(value ?? 0);
      });
      return (count ?? 0) > 0
        ? { count: count ?? 0, resetSeconds: Math.max(1, Math.ceil((ttl ?? 0) / 1000)) }
        : { count: 0, resetSeconds: 0 };
    } catch {
      return this.fallback.peek(bucket);
    }
  }
}

export function createRateLimiter(redisUrl = config.REDIS_URL): RateLimiter {
  return redisUrl ? new RedisRateLimiter(connectRedis(redisUrl, "rate-limit")) : new MemoryRateLimiter();
}

/** The RateLimit-* headers (IETF draft) every limited response carries, plus Retry-After when refused. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
  };
  if (!decision.allowed) headers["Retry-After"] = String(decision.resetSeconds);
  return headers;
}

/** Sets the headers of `rateLimitHeaders` on a response (the hot path: no intermediate object). */
export function setRateLimitHeaders(headers: Headers, decision: RateLimitDecision): void {
  headers.set("RateLimit-Limit", String(decision.limit));
  headers.set("RateLimit-Remaining", String(decision.remaining));
  headers.set("RateLimit-Reset", String(decision.resetSeconds));
  if (!decision.allowed) headers.set("Retry-After", String(decision.resetSeconds));
}
