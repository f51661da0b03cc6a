import { epochMs } from "../clock";
import type { Db, DbHandle } from "../db";
import { BatchWriter, type BatchTable, type FailedChunk } from "../db/batch";
import { log } from "../log";
import { batchMetrics } from "../metrics";

const flushMetrics = batchMetrics("request_log");

/** A row whose chunk failed at this many flushes in a row is dropped (and counted in an error line). */
const MAX_ATTEMPTS = 3;
/**
 * Rows per INSERT. A request log row has 18 columns against a usage row's 5, and a statement's cost grows with its
 * parameters: 250 rows held the main thread about 2.5 times as long as a 250-row usage statement (docs/performance.md),
 * past 20 ms on a loaded machine; 100 rows (1,800 parameters) costs about what a usage statement of 250 (1,250) does.
 */
export const REQUEST_LOG_CHUNK_ROWS = 100;
/** Past this many unwritten rows (the database has been down a while), new requests are counted, not kept. */
const MAX_PENDING = 50_000;

/** One request as the pipeline saw it; strings are cut to a bounded length when the row is written. */
export interface RequestLogEntry {
  /** Epoch milliseconds when the response was final. */
  at: number;
  requestId: string;
  merchantId: string;
  mode: string;
  apiKeyId: string;
  applicationId: string | null;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  ip: string | null;
  userAgent: string | null;
  idempotencyKey: string | null;
  error: { type: string; code: string; message: string } | null;
  objectIds: readonly string[];
}

/** A row of the RequestLog table, as the Prisma model declares it. */
export type RequestLogRow = Awaited<ReturnType<Db["requestLog"]["findUniqueOrThrow"]>>;
type Row = RequestLogRow;

export const REQUEST_LOG: BatchTable<Row> = {
  table: "RequestLog",
  columns: {
    id: "text",
    requestId: "text",
    merchantId: "text",
    mode: "text",
    apiKeyId: "text",
    applicationId: "text",
    method: "text",
    path: "text",
    status: "integer",
    durationMs: "integer",
    ip: "text",
    userAgent: "text",
    idempotencyKey: "text",
    errorType: "text",
    errorCode: "text",
    errorMessage: "text",
    objectIds: "text",
    createdAt: "timestamp",
  },
};

/**
 * Text as a row may hold it: at most `max` characters, and no NUL, which PostgreSQL's text refuses (a whole chunk
 * would fail with it, and the rows beside it be dropped after three tries). A NUL reaches here in an error message
 * that quotes a client's value; it is kept visible as U+FFFD.
 */
const cut = (value: string | null, max: number) =>
  value === null ? null : (value.length > max ? value.slice(0, max) : value).replaceAll("\u0000", "\uFFFD");

function rowOf(entry: RequestLogEntry): Row {
  const { error } = entry;
  return {
    // Time-sortable like every object id; the request id's random characters make it unique with no call into crypto.
    id: `rlog_${Math.floor(entry.at).toString(36).padStart(9, "0")}${entry.requestId.slice(4, 20)}`,
    requestId: entry.requestId,
    merchantId: entry.merchantId,
    mode: entry.mode,
    apiKeyId: entry.apiKeyId,
    applicationId: entry.applicationId,
    method: entry.method,
    path: cut(entry.path, 500)!,
    status: entry.status,
    durationMs: Math.max(0, Math.round(entry.durationMs)),
    ip: entry.ip,
    userAgent: cut(entry.userAgent, 500),
    idempotencyKey: cut(entry.idempotencyKey, 255),
    errorType: error?.type ?? null,
    errorCode: error ? cut(error.code, 100) : null,
    errorMessage: error ? cut(error.message, 1000) : null,
    objectIds: entry.objectIds.length > 0 ? entry.objectIds.join(",") : null,
    createdAt: new Date(Math.floor(entry.at)),
  };
}

/**
 * Keeps every logged request in memory and writes them every few seconds (and on shutdown) through the batch writer,
 * as UsageRecorder does: multi-row inserts of REQUEST_LOG_CHUNK_ROWS rows, a turn of the event loop between two, so the request path
 * never waits for the log. The row (its id, its Date) is made at flush time, off the request path. A chunk that fails
 * is written again at the next flush; after MAX_ATTEMPTS failed flushes its rows are dropped with an error line.
 */
export class RequestLogRecorder {
  private pending: RequestLogEntry[] = [];
  private retrying: Array<{ row: Row; attempts: number }> = [];
  private overflow = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly writer: BatchWriter;

  constructor(
    handle: DbHandle,
    private readonly intervalMs = 5000,
    chunkRows = REQUEST_LOG_CHUNK_ROWS,
  ) {
    this.writer = new BatchWriter(handle, chunkRows);
  }

  record(entry: RequestLogEntry): void {
    if (this.pending.length + this.retrying.length >= MAX_PENDING) this.overflow += 1;
    else this.pending.push(entry);
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs).unref();
  }

  /** Requests recorded and not yet written (or waiting to be written again). */
  get size(): number {
    return this.pending.length + this.retrying.length;
  }

  /** Writes everything recorded so far; concurrent calls queue behind each other. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.overflow > 0) {
      log.error("request_log.overflow", { dropped: this.overflow, pending: MAX_PENDING });
      this.overflow = 0;
    }
    if (this.pending.length + this.retrying.length === 0) return;
    const again = this.retrying;
    const fresh = this.pending;
    this.pending = [];
    this.retrying = [];
    const started = epochMs();
    const attemptsOf = new Map<Row, number>();
    for (const { row, attempts } of again) attemptsOf.set(row, attempts);
    const total = again.length + fresh.length;
    const failed: FailedChunk<Row>[] = [];
    // The rows of one statement are made just before it: making 10,000 at once would hold the event loop itself.
    const step = this.writer.chunkRows;
    for (let start = 0; start < total; start += step) {
      const rows: Row[] = [];
      for (let index = start; index < Math.min(start + step, total); index += 1)
        rows.push(index < again.length ? again[index]!.row : rowOf(fresh[index - again.length]!));
      failed.push(...(await this.writer.insert(REQUEST_LOG, rows)));
    }
    if (failed.length === 0) {
      flushMetrics.flushed(total, (epochMs() - started) / 1000);
      return;
    }
    flushMetrics.failed();
    let dropped = 0;
    for (const { rows: chunk, error } of failed) {
      log.warn("request_log.flush_failed", { rows: chunk.length, message: error.message });
      for (const row of chunk) {
        const attempts = (attemptsOf.get(row) ?? 0) + 1;
        if (attempts >= MAX_ATTEMPTS) dropped += 1;
        else this.retrying.push({ row, attempts });
      }
    }
    if (dropped > 0) log.error("request_log.flush_dropped", { rows: dropped, attempts: MAX_ATTEMPTS });
    if (this.retrying.length > 0) this.timer ??= setTimeout(() => void this.flush(), this.intervalMs).unref();
  }
}
