import { epochMs } from "../clock";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit. The in-memory limiter answers synchronously, and the Redis one while it holds a lease. */
  consume(bucket: string, limit: number, windowMs: number): RateLimitDecision | Promise<RateLimitDecision>;
  /** How many hits the bucket's current window holds, and when it ends, without adding one. */
  peek(bucket: string): Promise<WindowState>;
  /** Hands back what this process holds of shared limits (at shutdown). */
  close(): Promise<void>;
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

  async close(): Promise<void> {}

  private prune(now: number): void {
    for (const [bucket, window] of this.windows) if (window.resetAt <= now) this.windows.delete(bucket);
  }
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
