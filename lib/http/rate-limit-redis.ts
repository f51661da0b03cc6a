import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { epochMs } from "../clock";
import { config } from "../config";
import { log } from "../log";
import { connectRedis } from "../redis";
import { MemoryRateLimiter, type RateLimitDecision, type RateLimiter, type WindowState } from "./rate-limit";

// Redis keeps, per bucket and window, what it has GRANTED to processes (not what they spent): a process spends its
// lease locally, so the sum of grants, which Redis caps at the limit atomically, bounds what all processes admit.
// A lease is what the requests waiting for it need, plus a speculative part that doubles with each lease this process
// needed (slow start) and is at most 1/LEASE_DIVISOR of what the window has left: near the end of a window leases are
// exactly the requests waiting, so the last requests go to Redis one batch at a time and the total reaches the limit.
const LEASE_DIVISOR = 16;
// How often unspent leases idle for as long are given back, and refusals made locally are added to Redis's count.
const SETTLE_MS = 1000;
const MAX_GROWTH = 1 << 20;

// KEYS[1]: the bucket. ARGV: limit, window ms, requests waiting, speculative tokens wanted, divisor, a new window id.
// Returns the tokens granted, what the window has left to grant, its ms to live, and its id.
const LEASE_SCRIPT = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'window', ARGV[6], 'granted', 0, 'refused', 0)
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
local want = tonumber(ARGV[3])
local left = math.max(0, tonumber(ARGV[1]) - tonumber(redis.call('HGET', KEYS[1], 'granted')))
local grant = math.min(left, want + math.min(tonumber(ARGV[4]), math.floor(left / tonumber(ARGV[5]))))
redis.call('HINCRBY', KEYS[1], 'granted', grant)
if grant < want then redis.call('HINCRBY', KEYS[1], 'refused', want - grant) end
return {grant, left - grant, ttl, redis.call('HGET', KEYS[1], 'window')}
`;

// KEYS[1]: the bucket. ARGV: the window id, tokens given back, refusals to count. Nothing happens once that window
// has ended: a token given back must never add to a later window's budget.
const SETTLE_SCRIPT = `
if redis.call('HGET', KEYS[1], 'window') ~= ARGV[1] then return 0 end
local granted = tonumber(redis.call('HGET', KEYS[1], 'granted'))
redis.call('HSET', KEYS[1], 'granted', math.max(0, granted - tonumber(ARGV[2])))
redis.call('HINCRBY', KEYS[1], 'refused', ARGV[3])
return 1
`;

const PEEK_SCRIPT = `
local fields = redis.call('HMGET', KEYS[1], 'window', 'granted', 'refused')
return {fields[1] or '', tonumber(fields[2] or '0'), tonumber(fields[3] or '0'), redis.call('PTTL', KEYS[1])}
`;

type Waiter = (decision: RateLimitDecision) => void;

/** This process's share of one bucket's current window. */
interface Lease {
  /** The id of the Redis window the tokens were granted in ("" before the first grant). */
  window: string;
  /** When that window ends by this process's clock: its TTL counted from before the request that read it. */
  expiresAt: number;
  limit: number;
  windowMs: number;
  /** Granted to this process and not spent yet. */
  tokens: number;
  /** What Redis had left to grant to anyone after the last lease. */
  left: number;
  /** The speculative part the next lease asks for. */
  growth: number;
  /** Redis had nothing left to grant: refused here, without a round trip, until the window ends. */
  exhausted: boolean;
  /** Refusals made here that Redis has not counted yet. */
  refused: number;
  /** Tokens given up here (idle, or the limit changed) that Redis has not taken back yet. */
  givenBack: number;
  usedAt: number;
  waiting: Waiter[];
  fetching: boolean;
}

export interface RedisRateLimiterOptions {
  /** Prefixed to every Redis key (REDIS_PREFIX): two deployments or test runs on one Redis share no bucket. */
  prefix?: string;
  now?: () => number;
  /** How often idle leases are given back; 0: only when `returnIdleLeases()` or `close()` is called (tests). */
  settleMs?: number;
}

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/**
 * One shared window per bucket across every process, at in-memory cost: each process leases a slice of the window's
 * budget from Redis (one Lua script, atomic) and spends it locally and synchronously, so a request that finds a
 * token awaits nothing, and only a request that finds none awaits one script call (with every other request of the
 * bucket that arrives meanwhile: one call serves them all).
 *
 * Accuracy: the processes together never admit more than the limit in a window, since Redis never grants more and a
 * token is only spent before its window ends. They admit less only while tokens granted to a process are unspent: a
 * process idle for SETTLE_MS gives its tokens back (and all of them on `close()`, at shutdown), so the shortfall is
 * at most the leases outstanding in other processes when the window's grants run out, or until the window ends when
 * a process dies. Each lease is at most the requests waiting for it plus 1/16 of what the window had left.
 *
 * If Redis is unreachable, a request without a token is limited by this process's own window (`fallback`), and a
 * warning is logged once per outage, with an info line when Redis is back: an outage of the limiter is not an outage
 * of the API. Tokens leased before the outage are still spent.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly leases = new Map<string, Lease>();
  private readonly prefix: string;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | undefined;
  /** Until the connection is first ready or first fails, a request without a token waits for it. */
  private starting: Promise<void> | null;
  private available = true;
  private readonly processId = randomBytes(6).toString("hex");
  private windows = 0;

  constructor(
    private readonly redis: Redis,
    private readonly fallback: RateLimiter = new MemoryRateLimiter(),
    options: RedisRateLimiterOptions = {},
  ) {
    this.prefix = options.prefix ?? config.REDIS_PREFIX;
    this.now = options.now ?? epochMs;
    const settleMs = options.settleMs ?? SETTLE_MS;
    this.timer = settleMs > 0 ? setInterval(() => void this.returnIdleLeases(), settleMs).unref() : undefined;
    this.starting =
      redis.status === "ready"
        ? null
        : new Promise<void>((resolve) => {
            const settled = () => {
              for (const event of ["ready", "error", "end"]) redis.off(event, settled);
              this.starting = null;
              resolve();
            };
            for (const event of ["ready", "error", "end"]) redis.once(event, settled);
          });
  }

  consume(bucket: string, limit: number, windowMs: number): RateLimitDecision | Promise<RateLimitDecision> {
    const now = this.now();
    const lease = this.leaseOf(bucket, limit, windowMs, now);
    if (lease.tokens > 0) return this.take(lease, now);
    if (lease.exhausted) return this.refuse(lease, now, false);
    if (this.starting === null && this.redis.status !== "ready")
      return this.unreachable().consume(bucket, limit, windowMs);
    return new Promise((resolve) => {
      lease.waiting.push(resolve);
      if (!lease.fetching) void this.fetch(bucket, lease);
    });
  }

  async peek(bucket: string): Promise<WindowState> {
    if (!(await this.connected())) return this.unreachable().peek(bucket);
    try {
      const reply = await this.redis.eval(PEEK_SCRIPT, 1, this.keyOf(bucket));
      const [window, granted, refused, ttl] = reply as [string, number, number, number];
      this.isAvailable();
      if (window === "" || ttl <= 0) return { count: 0, resetSeconds: 0 };
      const lease = this.leases.get(bucket);
      // What this process holds unspent was granted but not used; what it refused locally is not in Redis yet.
      const here = lease?.window === window ? lease.refused - lease.tokens - lease.givenBack : 0;
      return { count: Math.max(0, granted + refused + here), resetSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
    } catch (error) {
      this.unavailable((error as Error).message);
      return this.fallback.peek(bucket);
    }
  }

  /** Gives back the tokens of leases unused for SETTLE_MS, and reports the refusals made here. */
  returnIdleLeases(): Promise<void> {
    return this.settle((lease, now) => now - lease.usedAt >= SETTLE_MS);
  }

  /** Gives every unspent token back (at shutdown): what this process leased is free for the others at once. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.settle(() => true);
  }

  /** The bucket's lease, as of `now`: a fresh one when its window has ended. */
  private leaseOf(bucket: string, limit: number, windowMs: number, now: number): Lease {
    let lease = this.leases.get(bucket);
    if (lease === undefined) {
      lease = {
        window: "",
        expiresAt: 0,
        limit,
        windowMs,
        tokens: 0,
        left: limit,
        growth: 0,
        exhausted: false,
        refused: 0,
        givenBack: 0,
        usedAt: now,
        waiting: [],
        fetching: false,
      };
      this.leases.set(bucket, lease);
    } else if (lease.expiresAt <= now && !lease.fetching) {
      // The window ended: its tokens and unreported refusals end with it; the growth carries over.
      Object.assign(lease, { window: "", tokens: 0, left: limit, exhausted: false, refused: 0, givenBack: 0 });
    }
    if (lease.limit !== limit) {
      // Tokens granted under another limit (the key's was changed) go back rather than count against this one.
      Object.assign(lease, { limit, givenBack: lease.givenBack + lease.tokens, tokens: 0, exhausted: false });
    }
    lease.windowMs = windowMs;
    return lease;
  }

  private take(lease: Lease, now: number): RateLimitDecision {
    lease.tokens -= 1;
    lease.usedAt = now;
    // Remaining: what no process has been granted yet, plus what this one still holds.
    const resetSeconds = secondsUntil(lease.expiresAt, now);
    return { allowed: true, limit: lease.limit, remaining: lease.left + lease.tokens, resetSeconds };
  }

  /** `counted`: the lease script already counted this refusal in Redis. */
  private refuse(lease: Lease, now: number, counted: boolean): RateLimitDecision {
    if (!counted) lease.refused += 1;
    lease.usedAt = now;
    return { allowed: false, limit: lease.limit, remaining: 0, resetSeconds: secondsUntil(lease.expiresAt, now) };
  }

  /** Leases tokens for the requests waiting (and those that arrive meanwhile) until each has a decision. */
  private async fetch(bucket: string, lease: Lease): Promise<void> {
    lease.fetching = true;
    try {
      if (!(await this.connected())) return this.answerAll(bucket, lease, this.unreachable());
      while (lease.waiting.length > 0) {
        const want = lease.waiting.length;
        const sentAt = this.now();
        const args = [lease.limit, lease.windowMs, want, lease.growth, LEASE_DIVISOR, this.newWindowId()];
        const reply = await this.redis.eval(LEASE_SCRIPT, 1, this.keyOf(bucket), ...args);
        const [granted, left, ttl, window] = reply as [number, number, number, string];
        this.isAvailable();
        if (window !== lease.window) Object.assign(lease, { window, tokens: 0, refused: 0, givenBack: 0 });
        Object.assign(lease, { expiresAt: sentAt + ttl, left, tokens: lease.tokens + granted, exhausted: left === 0 });
        lease.growth = Math.min(MAX_GROWTH, Math.max(1, lease.growth * 2));
        const now = this.now();
        // Granted in the last moments of a window that has ended since: void, lease again in the next one.
        if (lease.expiresAt <= now) {
          Object.assign(lease, { tokens: 0, exhausted: false });
          continue;
        }
        // The first `want` waiters were counted by the script, as grants or as refusals.
        for (const waiter of lease.waiting.splice(0, want))
          waiter(lease.tokens > 0 ? this.take(lease, now) : this.refuse(lease, now, true));
        // Requests that arrived during the call take what is left; if none is and the window is not used up, the
        // loop leases again for them.
        while (lease.waiting.length > 0 && (lease.tokens > 0 || lease.exhausted))
          lease.waiting.shift()!(lease.tokens > 0 ? this.take(lease, now) : this.refuse(lease, now, false));
      }
    } catch (error) {
      this.unavailable((error as Error).message);
      await this.answerAll(bucket, lease, this.fallback);
    } finally {
      lease.fetching = false;
    }
  }

  /**
   * One pipeline for every lease that `giveUp` selects (its tokens go back) or that has refusals to report. The
   * numbers are taken before the call: if it fails, they are lost, which can only leave the shared count lower.
   * While Redis is unreachable, tokens stay here to be spent.
   */
  private async settle(giveUp: (lease: Lease, now: number) => boolean): Promise<void> {
    const reachable = await this.connected();
    const now = this.now();
    const pipeline = this.redis.pipeline();
    let calls = 0;
    for (const [bucket, lease] of this.leases) {
      if (lease.fetching) continue;
      if (lease.expiresAt <= now) {
        if (now - lease.usedAt >= SETTLE_MS) this.leases.delete(bucket);
        continue;
      }
      if (!reachable) continue;
      if (lease.tokens > 0 && giveUp(lease, now)) {
        Object.assign(lease, { givenBack: lease.givenBack + lease.tokens, tokens: 0, growth: 0, exhausted: false });
      }
      if (lease.givenBack === 0 && lease.refused === 0) continue;
      pipeline.eval(SETTLE_SCRIPT, 1, this.keyOf(bucket), lease.window, lease.givenBack, lease.refused);
      lease.givenBack = 0;
      lease.refused = 0;
      calls += 1;
    }
    if (calls === 0) return;
    try {
      await pipeline.exec();
    } catch (error) {
      this.unavailable((error as Error).message);
    }
  }

  private keyOf(bucket: string): string {
    return `${this.prefix}ratelimit:${bucket}`;
  }

  /** Every request waiting for a lease gets `limiter`'s decision instead. */
  private async answerAll(bucket: string, lease: Lease, limiter: RateLimiter): Promise<void> {
    for (const waiter of lease.waiting.splice(0)) waiter(await limiter.consume(bucket, lease.limit, lease.windowMs));
  }

  /** The fallback, once the outage is reported. */
  private unreachable(): RateLimiter {
    this.unavailable(`the connection is ${this.redis.status}`);
    return this.fallback;
  }

  private async connected(): Promise<boolean> {
    if (this.starting) await this.starting;
    return this.redis.status === "ready";
  }

  private newWindowId(): string {
    this.windows += 1;
    return `${this.processId}.${this.windows}`;
  }

  private unavailable(message: string): void {
    if (!this.available) return;
    this.available = false;
    log.warn("rate_limit.redis_unavailable", { message, fallback: "in-process" });
  }

  private isAvailable(): void {
    if (this.available) return;
    this.available = true;
    log.info("rate_limit.redis_available", { shared: true });
  }
}

export function createRateLimiter(redisUrl = config.REDIS_URL): RateLimiter {
  return redisUrl ? new RedisRateLimiter(connectRedis(redisUrl, "rate-limit")) : new MemoryRateLimiter();
}
