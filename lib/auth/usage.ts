import type { Db } from "../db";
import { log } from "../log";

interface KeyUsage {
  lastUsedAt: Date;
  days: Map<string, { requests: number; errors: number }>;
}

/**
 * Counts requests per key in memory and writes them in one transaction every few seconds (and on shutdown):
 * `lastUsedAt` and the per-day UsageCounter never cost a write per request.
 */
/** The UTC day of a time, formatted once per day rather than once per request. */
let dayCache = { start: 0, end: 0, label: "" };
function utcDay(at: Date): string {
  const time = at.getTime();
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

  record(keyId: string, failed: boolean, at = new Date()): void {
    const usage = this.pending.get(keyId) ?? { lastUsedAt: at, days: new Map() };
    if (at > usage.lastUsedAt) usage.lastUsedAt = at;
    const day = utcDay(at);
    const counts = usage.days.get(day) ?? { requests: 0, errors: 0 };
    counts.requests += 1;
    if (failed) counts.errors += 1;
    usage.days.set(day, counts);
    this.pending.set(keyId, usage);
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
    try {
      await this.db.$transaction(
        [...batch].flatMap(([apiKeyId, usage]) => [
          this.db.apiKey.updateMany({
            where: { id: apiKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: usage.lastUsedAt } }] },
            data: { lastUsedAt: usage.lastUsedAt },
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
    } catch (error) {
      log.warn("usage.flush_failed", { keys: batch.size, message: (error as Error).message });
    }
  }
}
