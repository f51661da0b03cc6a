import { randomBytes } from "node:crypto";
import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { config, overrideConfigForTests, restoreConfigForTests } from "../config";
import { log } from "../log";
import { connectRedis } from "../redis";
import { MemoryRateLimiter, type RateLimitDecision } from "./rate-limit";
import { RedisRateLimiter } from "./rate-limit-redis";

// Every limiter below has a Redis connection of its own, as separate processes have. Each test uses buckets of its
// own under a prefix of this run's, so concurrent runs on one Redis share nothing.
const PREFIX = `test:${randomBytes(4).toString("hex")}:`;
const newBucket = () => `bucket:${randomBytes(6).toString("hex")}`;
const ready = (client: Redis) =>
  client.status === "ready" ? Promise.resolve() : new Promise((resolve) => client.once("ready", resolve));

/** A fake clock per limiter (each process has its own): lease expiry and idleness follow it, Redis's TTLs do not. */
function clock() {
  let at = 1_000_000;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

/** The stderr lines an event name appears in, while `run` runs. */
async function warningsDuring(event: string, run: () => Promise<void>): Promise<number> {
  const written: string[] = [];
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    stderr.mockRestore();
  }
  return written
    .join("")
    .split("\n")
    .filter((line) => line.includes(`"${event}"`)).length;
}

describe.runIf(config.TEST_REDIS_URL)("RedisRateLimiter (real Redis)", () => {
  const url = config.TEST_REDIS_URL!;
  const clients: Redis[] = [];
  let admin: Redis;
  const client = (role: string) => {
    const made = connectRedis(url, role);
    clients.push(made);
    return made;
  };
  /** What Redis has granted in the bucket's current window. */
  const granted = async (bucket: string) => Number((await admin.hget(`${PREFIX}ratelimit:${bucket}`, "granted")) ?? 0);

  beforeAll(async () => {
    admin = client("test-admin");
    await ready(admin);
  });
  afterAll(async () => {
    for await (const keys of admin.scanStream({ match: `${PREFIX}*` }) as AsyncIterable<string[]>)
      if (keys.length > 0) await admin.del(...keys);
    for (const made of clients) made.disconnect();
  });

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

  it("answers from its lease without a round trip, with the remaining budget exact for one process", async () => {
    const limiter = new RedisRateLimiter(client("test-hot"), undefined, { prefix: PREFIX, settleMs: 0 });
    const bucket = newBucket();
    const decisions: RateLimitDecision[] = [];
    let synchronous = 0;
    for (let i = 0; i < 1000; i += 1) {
      const decision = limiter.consume(bucket, 100_000, 60_000);
      if (!(decision instanceof Promise)) synchronous += 1;
      decisions.push(await decision);
    }
    // Leases of 1 + 0, 1 + 1, 1 + 2, 1 + 4, ...: eleven of them cover a thousand requests, the rest answer at once.
    expect(synchronous).toBe(1000 - 11);
    expect(decisions.map((d) => d.remaining)).toEqual(decisions.map((_, i) => 100_000 - 1 - i));
    expect(decisions.every((d) => d.allowed && d.resetSeconds > 0 && d.resetSeconds <= 60)).toBe(true);
    await limiter.close();
  });

  it("admits between 95 and 100 of a limit of 100 when four processes are hammered at once", async () => {
    const limiters = [0, 1, 2, 3].map((i) => new RedisRateLimiter(client(`test-hammer-${i}`), undefined, { prefix: PREFIX })); // prettier-ignore
    const bucket = newBucket();
    let attempts = 800;
    let admitted = 0;
    // Five concurrent callers per process, each sending until the shared supply of attempts runs out.
    const caller = async (limiter: RedisRateLimiter) => {
      while (attempts > 0) {
        attempts -= 1;
        if ((await limiter.consume(bucket, 100, 60_000)).allowed) admitted += 1;
        await new Promise((resolve) => setImmediate(resolve)); // as a server's requests arrive: one I/O event each
      }
    };
    await Promise.all(limiters.flatMap((limiter) => Array.from({ length: 5 }, () => caller(limiter))));
    expect(admitted).toBeLessThanOrEqual(100);
    expect(admitted).toBeGreaterThanOrEqual(95);
    await Promise.all(limiters.map((limiter) => limiter.close()));
    expect(await granted(bucket)).toBe(admitted);
  });

  describe("over limits, process counts and interleavings (fast-check)", () => {
    const connections: Redis[] = [];
    beforeAll(async () => {
      for (let i = 0; i < 4; i += 1) connections.push(client(`test-property-${i}`));
      await Promise.all(connections.map(ready));
    });

    // A step: requests sent at once from the given processes, or one process idle long enough to give its lease back.
    const step = (processes: number) =>
      fc.oneof(
        { weight: 5, arbitrary: fc.array(fc.nat(processes - 1), { minLength: 1, maxLength: 12 }) },
        { weight: 1, arbitrary: fc.record({ idle: fc.nat(processes - 1) }) },
      );
    const scenario = fc
      .record({ limit: fc.integer({ min: 1, max: 300 }), processes: fc.integer({ min: 2, max: 4 }) })
      .chain(({ limit, processes }) =>
        fc.record({
          limit: fc.constant(limit),
          processes: fc.constant(processes),
          steps: fc.array(step(processes), { minLength: 1, maxLength: 60 }),
        }),
      );

    const HOUR = 3_600_000; // longer than the clocks advance: no lease expires mid-scenario

    it("never admits more than the limit, and loses no token: what is not spent is held, or given back", async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ limit, processes, steps }) => {
          const bucket = newBucket();
          const clocks = connections.slice(0, processes).map(() => clock());
          const limiters = clocks.map(
            ({ now }, i) => new RedisRateLimiter(connections[i]!, undefined, { prefix: PREFIX, now, settleMs: 0 }),
          );
          let admitted = 0;
          let refused = 0;
          let idled = false;
          for (const next of steps) {
            if ("idle" in next) {
              idled = true;
              clocks[next.idle]!.advance(1000);
              await limiters[next.idle]!.returnIdleLeases();
              continue;
            }
            const decisions = await Promise.all(next.map((i) => limiters[i]!.consume(bucket, limit, HOUR)));
            admitted += decisions.filter((d) => d.allowed).length;
            refused += decisions.filter((d) => !d.allowed).length;
            expect(admitted).toBeLessThanOrEqual(limit);
          }
          // Refused only once every token was granted: the shortfall is exactly what the processes still hold.
          if (refused > 0 && !idled) expect(await granted(bucket)).toBe(limit);
          if (refused === 0) expect(admitted).toBe(steps.flatMap((next) => ("idle" in next ? [] : next)).length);
          await Promise.all(limiters.map((limiter) => limiter.close()));
          expect(await granted(bucket)).toBe(admitted);
        }),
        { numRuns: 40 },
      );
    });
  });

  it("starts a fresh budget when the window ends, and a lease of the old window neither spends nor gives back into it", async () => {
    const [clockA, clockB] = [clock(), clock()];
    const options = (now: () => number) => ({ prefix: PREFIX, now, settleMs: 0 });
    const a = new RedisRateLimiter(client("test-roll-a"), undefined, options(clockA.now));
    const b = new RedisRateLimiter(client("test-roll-b"), undefined, options(clockB.now));
    const bucket = newBucket();
    const admittedBy = async (limiter: RedisRateLimiter, count: number) => {
      let admitted = 0;
      for (let i = 0; i < count; i += 1) if ((await limiter.consume(bucket, 100, 60_000)).allowed) admitted += 1;
      return admitted;
    };
    expect(await admittedBy(a, 4)).toBe(4); // leases of 1, 1 + 1 and 1 + 2: two tokens unspent
    expect(await admittedBy(b, 200)).toBe(94);
    expect(await granted(bucket)).toBe(100);

    // Redis ends the window (its TTL, cut short here); B's clock passes its end too, A's does not yet.
    await admin.pexpire(`${PREFIX}ratelimit:${bucket}`, 1);
    while ((await admin.exists(`${PREFIX}ratelimit:${bucket}`)) === 1) await new Promise((r) => setTimeout(r, 10));
    clockB.advance(60_000);
    expect(await admittedBy(b, 4)).toBe(4);
    const before = await granted(bucket);
    await a.close(); // gives back its two tokens of the old window: the new one's count does not move
    expect(await granted(bucket)).toBe(before);
    clockA.advance(60_000);
    expect((await admittedBy(a, 200)) + (await admittedBy(b, 200))).toBe(96);
    await b.close();
  });

  it("gives an idle lease back, so another process can spend it in the same window", async () => {
    const [clockA, clockB] = [clock(), clock()];
    const a = new RedisRateLimiter(client("test-idle-a"), undefined, { prefix: PREFIX, now: clockA.now, settleMs: 0 });
    const b = new RedisRateLimiter(client("test-idle-b"), undefined, { prefix: PREFIX, now: clockB.now, settleMs: 0 });
    const bucket = newBucket();
    for (let i = 0; i < 2; i += 1) expect((await a.consume(bucket, 100, 60_000)).allowed).toBe(true);
    expect(await granted(bucket)).toBe(3); // leases of 1 and 1 + 1: one token unspent
    await a.returnIdleLeases(); // not idle yet
    expect(await granted(bucket)).toBe(3);
    clockA.advance(1000);
    await a.returnIdleLeases();
    expect(await granted(bucket)).toBe(2);

    let admittedByB = 0;
    for (let i = 0; i < 100; i += 1) if ((await b.consume(bucket, 100, 60_000)).allowed) admittedByB += 1;
    expect(admittedByB).toBe(98);
    await b.close();
    expect(await granted(bucket)).toBe(100);
  });

  it("keys its buckets under its prefix: two prefixes share nothing on one Redis", async () => {
    const bucket = newBucket();
    const [one, other] = [`${PREFIX}one:`, `${PREFIX}other:`].map(
      (prefix, i) => new RedisRateLimiter(client(`test-prefix-${i}`), undefined, { prefix, settleMs: 0 }),
    );
    expect((await one!.consume(bucket, 1, 60_000)).allowed).toBe(true);
    expect((await other!.consume(bucket, 1, 60_000)).allowed).toBe(true);
    expect((await one!.consume(bucket, 1, 60_000)).allowed).toBe(false);
    expect(await admin.exists(`${PREFIX}one:ratelimit:${bucket}`, `${PREFIX}other:ratelimit:${bucket}`)).toBe(2);
  });

  describe("when Redis goes away and comes back", () => {
    /** A TCP proxy on loopback in front of Redis: closing it is an outage the client sees, reopening it the end. */
    let proxy: Server;
    let port = 0;
    const sockets = new Set<Socket>();
    const open = () =>
      new Promise<void>((resolve) => {
        proxy = createServer((socket) => {
          const upstream = connect(Number(new URL(url).port || 6379), new URL(url).hostname);
          for (const end of [socket, upstream]) {
            sockets.add(end);
            end.on("error", () => end.destroy());
            end.on("close", () => sockets.delete(end));
          }
          socket.pipe(upstream).pipe(socket);
        });
        proxy.listen(port, "127.0.0.1", () => {
          port = (proxy.address() as AddressInfo).port;
          resolve();
        });
      });
    const close = () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    const info: string[] = [];

    beforeAll(open);
    afterAll(close);
    afterEach(() => {
      restoreConfigForTests();
      vi.restoreAllMocks();
    });

    it("spends the leases it holds, falls back to per-process limits, warns once, and says when Redis is back", async () => {
      overrideConfigForTests({ LOG_LEVEL: "info" });
      log.flush();
      vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
        info.push(String(chunk));
        return true;
      });
      const redis = connectRedis(`redis://127.0.0.1:${port}`, "test-outage");
      clients.push(redis);
      await ready(redis);
      const fallback = new MemoryRateLimiter();
      const limiter = new RedisRateLimiter(redis, fallback, { prefix: PREFIX, settleMs: 0 });
      const bucket = newBucket();
      // Leases of 1 + 0, 1 + 1, 1 + 2 and 1 + 4 are spent by eleven requests; the twelfth leases 1 + 8.
      for (let i = 0; i < 12; i += 1) expect((await limiter.consume(bucket, 1000, 60_000)).allowed).toBe(true);

      const closed = new Promise((resolve) => redis.once("close", resolve));
      const warnings = await warningsDuring("rate_limit.redis_unavailable", async () => {
        await close();
        await closed;
        for (let i = 0; i < 8; i += 1) expect(limiter.consume(bucket, 1000, 60_000)).toMatchObject({ allowed: true });
        expect((await fallback.peek(bucket)).count).toBe(0); // the leased tokens were spent, not the fallback's
        for (let i = 0; i < 5; i += 1) expect(limiter.consume(bucket, 5, 60_000)).toMatchObject({ allowed: true });
        expect(limiter.consume(bucket, 5, 60_000)).toMatchObject({ allowed: false }); // this process's own window
        expect((await limiter.peek(bucket)).count).toBe(6);
        await limiter.returnIdleLeases();
      });
      expect(warnings).toBe(1);

      await open();
      await ready(redis);
      expect(await limiter.consume(newBucket(), 1000, 60_000)).toMatchObject({ allowed: true });
      log.flush();
      expect(
        info
          .join("")
          .split("\n")
          .filter((line) => line.includes('"rate_limit.redis_available"')),
      ).toHaveLength(1);
    });
  });
});
