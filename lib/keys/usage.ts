import { epochMs } from "../clock";
import type { Db } from "../db";
import { log } from "../log";
import { batchMetrics } from "../metrics";

const flushMetrics = batchMetrics("usage");

interface KeyUsage {
  /** Epoch milliseconds. */
  lastUsedAt: number;
  days: Map<string, { requests: number; errors: number }>;
}

/**
 * Counts requests per key in memory and writes them in one transaction every few seconds (and on shutdown):
 * `lastUsedAt` and the per-day UsageCounter never cost a write per request.
 */
/** The UTC day of a time, formatted once per day rather than once per request. */
let dayCache = { start: 0, end: 0, label: "" };
function utcDay(time: number): string {
  if (time < dayCache.start || time >= dayCache.end) {
    const start = time - (time % 86_400_000);
    dayCache = { start, end: start + 86_400_000, label: new Date(start).toISOString().slice(0, 10) };
  }
  return dayCache.label;
}

export class UsageRecorder {
  private pending = new Map<string, KeyUsage>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 5000,
  ) {}

  /** Counts one request of a key at `at` (epoch milliseconds). */
  record(keyId: string, failed: boolean, at = epochMs()): void {
    let usage = this.pending.get(keyId);
    if (usage === undefined) this.pending.set(keyId, (usage = { lastUsedAt: at, days: new Map() }));
    else if (at > usage.lastUsedAt) usage.lastUsedAt = at;
    const day = utcDay(at);
    let counts = usage.days.get(day);
    if (counts === undefined) usage.days.set(day, (counts = { requests: 0, errors: 0 }));
    counts.requests += 1;
    if (failed) counts.errors += 1;
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs).unref();
  }

  /** Writes everything recorded so far; concurrent calls queue behind each other. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const started = epochMs();
    try {
      await this.db.$transaction(
        [...batch].flatMap(([apiKeyId, usage]) => [
          this.db.apiKey.updateMany({
            where: { id: apiKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(usage.lastUsedAt) } }] },
            data: { lastUsedAt: new Date(usage.lastUsedAt) },
          }),
          ...[...usage.days].map(([day, counts]) =>
            this.db.usageCounter.upsert({
              where: { apiKeyId_day: { apiKeyId, day } },
              create: { apiKeyId, day, ...counts },
              update: { requests: { increment: counts.requests }, errors: { increment: counts.errors } },
            }),
          ),
        ]),
      );
      flushMetrics.flushed(batch.size, (epochMs() - started) / 1000);
    } catch (error) {
      flushMetrics.failed();
      log.warn("usage.flush_failed", { keys: batch.size, message: (error as Error).message });
    }
  }
}
