import { epochMs } from "../clock";
import type { DbHandle } from "../db";
import { BatchWriter, type FailedChunk, type MergedTable } from "../db/batch";
import { log } from "../log";
import { batchMetrics } from "../metrics";

const flushMetrics = batchMetrics("usage");

const HOUR_MS = 3_600_000;
/** A key whose writes failed at this many flushes in a row is given up (and logged), not retried forever. */
const MAX_ATTEMPTS = 3;

interface Counts {
  requests: number;
  errors: number;
}

interface KeyUsage {
  /** Epoch milliseconds. */
  lastUsedAt: number;
  /** Counts per UTC hour, keyed by the hour's start in epoch milliseconds. */
  hours: Map<number, Counts>;
  /** Flushes that already failed to write some of this usage. */
  attempts: number;
}

type CounterRow = { apiKeyId: string; hour: Date; day: string; requests: number; errors: number };
type LastUsedRow = { id: string; lastUsedAt: Date };

const COUNTERS: MergedTable<CounterRow> = {
  table: "UsageCounter",
  columns: { apiKeyId: "text", hour: "timestamp", day: "text", requests: "integer", errors: "integer" },
  key: ["apiKeyId", "hour"],
  merge: { requests: "add", errors: "add" },
};
const LAST_USED: MergedTable<LastUsedRow> = {
  table: "ApiKey",
  columns: { id: "text", lastUsedAt: "timestamp" },
  key: ["id"],
  merge: { lastUsedAt: "latest" },
};

function rowsOf(batch: Map<string, KeyUsage>): { counters: CounterRow[]; lastUsed: LastUsedRow[] } {
  const hours = new Map<number, { hour: Date; day: string }>(); // a flush spans an hour or two: format each once
  const counters: CounterRow[] = [];
  const lastUsed: LastUsedRow[] = [];
  for (const [apiKeyId, usage] of batch) {
    lastUsed.push({ id: apiKeyId, lastUsedAt: new Date(usage.lastUsedAt) });
    for (const [start, counts] of usage.hours) {
      let hour = hours.get(start);
      if (hour === undefined) {
        const date = new Date(start);
        hours.set(start, (hour = { hour: date, day: date.toISOString().slice(0, 10) }));
      }
      counters.push({ apiKeyId, ...hour, ...counts });
    }
  }
  return { counters, lastUsed };
}

/**
 * Counts requests per key in memory and writes them every few seconds (and on shutdown) through the batch writer
 * (lib/db/batch.ts): `lastUsedAt` and the per-hour UsageCounter never cost a write per request, and a flush of
 * thousands of keys holds the event loop for one chunk at a time. A chunk that fails is logged, and its rows are
 * counted again into the next flush; after MAX_ATTEMPTS failed flushes they are dropped with an error line.
 */
export class UsageRecorder {
  private pending = new Map<string, KeyUsage>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly writer: BatchWriter;

  constructor(
    handle: DbHandle,
    private readonly intervalMs = 5000,
    chunkRows?: number,
  ) {
    this.writer = new BatchWriter(handle, chunkRows);
  }

  /** Counts one request of a key at `at` (epoch milliseconds). */
  record(keyId: string, failed: boolean, at = epochMs()): void {
    const usage = this.usageOf(keyId, at);
    const hour = at - (at % HOUR_MS);
    let counts = usage.hours.get(hour);
    if (counts === undefined) usage.hours.set(hour, (counts = { requests: 0, errors: 0 }));
    counts.requests += 1;
    if (failed) counts.errors += 1;
  }

  /** Writes everything recorded so far; concurrent calls queue behind each other. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private usageOf(keyId: string, at: number): KeyUsage {
    let usage = this.pending.get(keyId);
    if (usage === undefined) this.pending.set(keyId, (usage = { lastUsedAt: at, hours: new Map(), attempts: 0 }));
    else if (at > usage.lastUsedAt) usage.lastUsedAt = at;
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs).unref();
    return usage;
  }

  private async write(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const started = epochMs();
    const { counters, lastUsed } = rowsOf(batch);
    const failedCounters = await this.writer.upsert(COUNTERS, counters);
    const failedLastUsed = await this.writer.update(LAST_USED, lastUsed);
    if (failedCounters.length + failedLastUsed.length === 0)
      flushMetrics.flushed(batch.size, (epochMs() - started) / 1000);
    else flushMetrics.failed();
    for (const [table, failed] of [
      [COUNTERS.table, failedCounters],
      [LAST_USED.table, failedLastUsed],
    ] as const) {
      for (const { rows, error } of failed)
        log.warn("usage.flush_failed", { table, rows: rows.length, keys: batch.size, message: error.message });
    }
    if (failedCounters.length + failedLastUsed.length > 0) this.retry(batch, failedCounters, failedLastUsed);
  }

  /** Counts the failed rows into the next flush, or drops those that have failed MAX_ATTEMPTS times. */
  private retry(
    batch: Map<string, KeyUsage>,
    counters: FailedChunk<CounterRow>[],
    lastUsed: FailedChunk<LastUsedRow>[],
  ) {
    const dropped = { keys: new Set<string>(), requests: 0 };
    const again = (keyId: string): KeyUsage | undefined => {
      const failed = batch.get(keyId)!;
      if (failed.attempts + 1 >= MAX_ATTEMPTS) {
        dropped.keys.add(keyId);
        return undefined;
      }
      const usage = this.usageOf(keyId, failed.lastUsedAt); // `latest` makes writing lastUsedAt twice harmless
      usage.attempts = Math.max(usage.attempts, failed.attempts + 1);
      return usage;
    };
    for (const { rows } of counters) {
      for (const row of rows) {
        const usage = again(row.apiKeyId);
        if (usage === undefined) dropped.requests += row.requests;
        else {
          const counts = usage.hours.get(row.hour.getTime()) ?? { requests: 0, errors: 0 };
          usage.hours.set(row.hour.getTime(), {
            requests: counts.requests + row.requests,
            errors: counts.errors + row.errors,
          });
        }
      }
    }
    for (const { rows } of lastUsed) for (const row of rows) again(row.id);
    if (dropped.keys.size > 0)
      log.error("usage.flush_dropped", { keys: dropped.keys.size, requests: dropped.requests, attempts: MAX_ATTEMPTS });
  }
}
