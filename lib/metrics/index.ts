import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus metrics: the one registry, every metric the app exports, and the Node.js process metrics.
 * Code on the request path only increments children bound here once (per route, per status, per outcome), so a
 * request costs a few of prom-client's increments and no label objects of ours. docs/operations.md#metrics lists them.
 */

type CounterChild = Counter.Internal;
type HistogramChild = Histogram.Internal<string>;

/** Values read when Prometheus scrapes, from the modules that own them (this layer imports none of them). */
export interface MetricSources {
  keyCacheEntries?: () => number;
  keyCacheMaxEntries?: () => number;
  /** Deliveries still to be made (pending, due or waiting for a retry), read from the database. */
  webhookQueueDepth?: () => Promise<number>;
}

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Finer at the low end: on a local network a confirmation takes about a millisecond. */
const CONFIRM_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const sources: MetricSources = {};
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name: `merchant_console_${name}`, help, labelNames, registers });
  const histogram = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    buckets = SECONDS_BUCKETS,
  ) => new Histogram<L>({ name: `merchant_console_${name}`, help, labelNames, buckets, registers });
  const gauge = (name: string, help: string, read: () => number | undefined | Promise<number | undefined>) =>
    new Gauge({
      name: `merchant_console_${name}`,
      help,
      registers,
      async collect() {
        // A source that is missing or fails leaves the series out of this scrape rather than failing the scrape.
        const value = await Promise.resolve()
          .then(read)
          .catch(() => undefined);
        if (value === undefined) this.reset();
        else this.set(value);
      },
    });

  gauge("key_cache_entries", "Keys (and known-unknown hashes) in this process's key cache.", () =>
    sources.keyCacheEntries?.(),
  );
  gauge("key_cache_max_entries", "The key cache's bound (KEY_CACHE_MAX_ENTRIES).", () =>
    sources.keyCacheMaxEntries?.(),
  );
  gauge("webhook_queue_depth", "Webhook deliveries not yet made: due now or waiting for a retry (database-wide).", () =>
    sources.webhookQueueDepth?.(),
  );

  return {
    registry,
    sources,
    requests: counter("http_requests_total", "API requests by operation and status.", ["method", "route", "status"]),
    requestSeconds: histogram("http_request_duration_seconds", "Time from request to response, by operation.", [
      "method",
      "route",
    ]),
    keyCacheHits: counter("key_cache_hits_total", "Verifications answered from the key cache (known keys and hashes)."),
    keyCacheMisses: counter("key_cache_misses_total", "Verifications that had to look the key up in the database."),
    keyCacheEvictions: counter("key_cache_evictions_total", "Entries dropped because the key cache was full."),
    rateLimit: counter("rate_limit_decisions_total", "Rate-limit decisions by limit and outcome.", [
      "limit",
      "decision",
    ]),
    invalidations: counter("key_invalidations_total", "Key-cache invalidations sent to and received from others.", [
      "direction",
    ]),
    invalidationConfirm: histogram(
      "key_invalidation_confirm_seconds",
      "From publishing an invalidation until every other process confirmed it (or INVALIDATION_ACK_TIMEOUT_MS passed).",
      ["outcome"],
      CONFIRM_BUCKETS,
    ),
    webhookAttempts: counter("webhook_attempts_total", "Webhook delivery attempts by outcome.", ["outcome"]),
    batchFlushes: counter("batch_flushes_total", "Batched writes (usage counters, info log lines) by batch.", [
      "batch",
    ]),
    batchRows: counter("batch_flush_rows_total", "Rows written by batched writes (keys for usage, lines for log).", [
      "batch",
    ]),
    batchFailures: counter("batch_flush_failures_total", "Batched writes that failed (their rows are lost).", [
      "batch",
    ]),
    batchSeconds: histogram("batch_flush_duration_seconds", "Time one batched write took.", ["batch"]),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// One registry per process: Next.js loads instrumentation.ts (the webhook worker) and the route bundles as separate
// module graphs, and a dev reload would register every metric again.
const globalForMetrics = globalThis as unknown as { merchantConsoleMetrics?: Metrics };
export const metrics: Metrics = (globalForMetrics.merchantConsoleMetrics ??= createMetrics());

/** Gives the scrape-time gauges their readers (each module names what it owns). */
export function measure(sources: MetricSources): void {
  Object.assign(metrics.sources, sources);
}

/** The text format for one scrape, and its content type. */
export async function scrape(): Promise<{ body: string; contentType: string }> {
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}

/** One operation's request count and latency; its children are bound once per status it answers. */
export function requestMetrics(method: string, route: string): (status: number, seconds: number) => void {
  const latency: HistogramChild = metrics.requestSeconds.labels(method, route);
  const byStatus = new Map<number, CounterChild>();
  return (status, seconds) => {
    let count = byStatus.get(status);
    if (count === undefined) byStatus.set(status, (count = metrics.requests.labels(method, route, String(status))));
    count.inc();
    latency.observe(seconds);
  };
}

export type RateLimitKind = "api_key" | "client_ip" | "unknown_keys";
/** Children for the limits the request path decides: an API key's, a client IP's, and the unknown-key lockout. */
export const rateLimitDecisions: Record<RateLimitKind, { allowed: CounterChild; refused: CounterChild }> = {
  api_key: decisionsOf("api_key"),
  client_ip: decisionsOf("client_ip"),
  unknown_keys: decisionsOf("unknown_keys"),
};
function decisionsOf(limit: RateLimitKind) {
  return { allowed: metrics.rateLimit.labels(limit, "allowed"), refused: metrics.rateLimit.labels(limit, "refused") };
}

export const invalidationsSent: CounterChild = metrics.invalidations.labels("sent");
export const invalidationsReceived: CounterChild = metrics.invalidations.labels("received");
/** A publication's round trip: `confirmed` (every receiver answered) or `timed_out`. */
export const invalidationConfirmSeconds = {
  confirmed: metrics.invalidationConfirm.labels("confirmed"),
  timed_out: metrics.invalidationConfirm.labels("timed_out"),
};

/** succeeded; will_retry (failed, attempted again later); gave_up (the last attempt failed); endpoint_disabled. */
export type WebhookOutcome = "succeeded" | "will_retry" | "gave_up" | "endpoint_disabled";
export const webhookAttempts: Record<WebhookOutcome, CounterChild> = {
  succeeded: metrics.webhookAttempts.labels("succeeded"),
  will_retry: metrics.webhookAttempts.labels("will_retry"),
  gave_up: metrics.webhookAttempts.labels("gave_up"),
  endpoint_disabled: metrics.webhookAttempts.labels("endpoint_disabled"),
};

export interface BatchMetrics {
  /** One write of `rows` rows, which took `seconds`. */
  flushed(rows: number, seconds: number): void;
  failed(): void;
}
/** A batched writer's metrics, bound once: `usage` (the per-key counters), `log` (the info lines). */
export function batchMetrics(batch: string): BatchMetrics {
  const flushes = metrics.batchFlushes.labels(batch);
  const rows = metrics.batchRows.labels(batch);
  const failures = metrics.batchFailures.labels(batch);
  const seconds = metrics.batchSeconds.labels(batch);
  return {
    flushed(count, took) {
      flushes.inc();
      rows.inc(count);
      seconds.observe(took);
    },
    failed: () => failures.inc(),
  };
}
