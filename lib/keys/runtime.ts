import { config } from "../config";
import type { Context } from "../context";
import { db, dbHandle } from "../db";
import type { RateLimiter } from "../http/rate-limit";
import { createRateLimiter } from "../http/rate-limit-redis";
import { onShutdown, signalsOwned } from "../http/shutdown.mjs";
import { measure } from "../metrics";
import { RequestLogRecorder } from "../request-log";
import { allOf, InvalidationBus } from "./invalidation";
import { KeyCache } from "./cache";
import { KnownKeys } from "./known-keys";
import { UsageRecorder } from "./usage";
import type { VerifierDeps } from "./verify";

export interface AuthRuntime {
  cache: KeyCache;
  known: KnownKeys;
  bus: InvalidationBus;
  usage: UsageRecorder;
  /** Every API-key request of a merchant, written in batches on the same interval as usage. */
  requestLog: RequestLogRecorder;
  rateLimiter: RateLimiter;
  /** What the verifier needs (incl. the default per-key and failed-lookup limits), assembled once. */
  verifier: VerifierDeps;
}

/** How often usage counters and the request log are written (and once more at shutdown). */
const USAGE_FLUSH_MS = 5000;

function createRuntime(): AuthRuntime {
  const maxEntries = config.KEY_CACHE_MAX_ENTRIES;
  const cache = new KeyCache({
    maxEntries,
    ttlMs: config.KEY_CACHE_TTL_MS,
    negativeTtlMs: 10_000,
    degradedTtlMs: config.KEY_CACHE_DEGRADED_TTL_MS,
  });
  measure({ keyCacheEntries: () => cache.size, keyCacheMaxEntries: () => maxEntries });
  const usage = new UsageRecorder(dbHandle, USAGE_FLUSH_MS);
  const requestLog = new RequestLogRecorder(dbHandle, USAGE_FLUSH_MS);
  const known = new KnownKeys(db);
  const bus = new InvalidationBus(allOf(cache, known));
  const rateLimiter = createRateLimiter();
  // At shutdown: write the pending usage and request log rows, close the invalidation channel, give the unspent
  // rate-limit leases back.
  // Under server.mjs (`npm start`) that runs once the requests in flight have ended (lib/http/shutdown.mjs), and
  // server.mjs exits; otherwise on the signal itself, exiting only when NEXT_MANUAL_SIG_HANDLE took Next.js's handler.
  const finish = () => Promise.allSettled([usage.flush(), requestLog.flush(), bus.close(), rateLimiter.close()]);
  if (signalsOwned()) onShutdown(finish);
  else {
    const shutdown = (signal: NodeJS.Signals) => {
      void finish().finally(() => {
        if (config.NEXT_MANUAL_SIG_HANDLE) process.exit(signal === "SIGINT" ? 130 : 143);
      });
    };
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  }
  process.once("beforeExit", () => void Promise.allSettled([usage.flush(), requestLog.flush()]));
  const defaultRateLimit = config.API_RATE_LIMIT_PER_MINUTE;
  const failedLookupLimit = config.FAILED_AUTH_PER_IP_PER_MINUTE;
  return {
    cache,
    known,
    bus,
    usage,
    requestLog,
    rateLimiter,
    verifier: { db, cache, rateLimiter, defaultRateLimit, failedLookupLimit, known },
  };
}

// One per process (kept across Next.js dev reloads): the cache is only useful if every route shares it.
const globalForAuth = globalThis as unknown as { merchantConsoleAuth?: AuthRuntime };
export const authRuntime: AuthRuntime = (globalForAuth.merchantConsoleAuth ??= createRuntime());

/** The domain context of this process: its database, its invalidation bus, the wall clock. */
export const appContext: Context = { db, bus: authRuntime.bus, now: () => new Date() };
