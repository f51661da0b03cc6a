// The batch writer measured directly (no server): how long the event loop waits at most while a usage flush of
// 10,000 distinct keys, and a request log flush of 10,000 requests, run through lib/db/batch.ts.
// Each engine gets a fresh database: SQLite always, PostgreSQL when TEST_DATABASE_URL_PG names a server.
// `tsx tools/bench/flush.ts [chunkRows…]` compares chunk sizes (default: the writer's); `npm run bench` runs it too.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { config } from "@/lib/config";
import { createDb, type DbEngine, type DbHandle } from "@/lib/db";
import { DEFAULT_CHUNK_ROWS } from "@/lib/db/batch";
import { newRequestId } from "@/lib/http/request-id";
import { UsageRecorder } from "@/lib/keys/usage";
import { REQUEST_LOG_CHUNK_ROWS, RequestLogRecorder } from "@/lib/request-log";
import { newObjectId } from "@/lib/ids";
import { createKeysInBulk } from "@/test/support/bulk-keys";
import { createTestDatabase } from "@/test/support/test-database";
import { applyMigrations } from "../db/migrate";

const KEYS = 10_000;
const HOUR_MS = 3_600_000;

export interface FlushFigure {
  engine: DbEngine;
  what: string;
  chunkRows: number;
  totalMs: number;
  /** The longest the event loop waited during the write (monitorEventLoopDelay, 1 ms resolution). */
  maxDelayMs: number;
  /** The most CPU time the main thread spent between two turns of the event loop. */
  maxTurnCpuMs: number;
}

// The main thread's own CPU time in ns, exact (the scheduler's accounting, Linux); getrusage's is coarser here.
function threadCpuNs(): number {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]);
  } catch {
    return NaN;
  }
}

/**
 * Runs `write` and reports its wall time, the event loop's longest wait (monitorEventLoopDelay, 1 ms resolution:
 * on a loaded machine this includes time the process waited for a core), and the most CPU the main thread used
 * between two turns of the event loop (a setImmediate chain): the longest the code itself held the loop, which
 * other processes' load does not change.
 */
async function measured(write: () => Promise<unknown>): Promise<Omit<FlushFigure, "engine" | "what" | "chunkRows">> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let maxTurnCpuMs = 0;
  let last = threadCpuNs();
  let sampling = true;
  const sample = () => {
    const now = threadCpuNs();
    maxTurnCpuMs = Math.max(maxTurnCpuMs, (now - last) / 1e6);
    last = now;
    if (sampling) setImmediate(sample);
  };
  delay.enable();
  setImmediate(sample);
  const start = performance.now();
  await write();
  const totalMs = performance.now() - start;
  sampling = false;
  delay.disable();
  return { totalMs, maxDelayMs: delay.max / 1e6, maxTurnCpuMs };
}

/** `undefined`: each writer's own chunk size (250 rows for usage, REQUEST_LOG_CHUNK_ROWS for the request log). */
async function measureEngine(engine: DbEngine, chunkSizes: Array<number | undefined>): Promise<FlushFigure[]> {
  const database = await createTestDatabase(engine, config.TEST_DATABASE_URL_PG);
  let handle: DbHandle | undefined;
  try {
    await applyMigrations(database.url);
    handle = createDb(database.url);
    const merchant = await handle.db.merchant.create({ data: { id: newObjectId("mer"), name: "flush bench" } });
    const app = await handle.db.application.create({
      data: {
        id: newObjectId("app"),
        merchantId: merchant.id,
        name: "flush bench",
        nameKey: "flush bench",
        allowedOrigins: [],
      },
    });
    const owner = { merchantId: merchant.id, applicationId: app.id };
    const ids = (await createKeysInBulk(KEYS, owner, { handle })).map((key) => key.id);
    const figures: FlushFigure[] = [];
    let hour = Date.parse("2026-11-20T00:00:00Z");
    // The first pass warms up (connection, statement compilation, JIT) and is not reported.
    for (const [pass, chunkRows] of [chunkSizes[0], ...chunkSizes].entries()) {
      const recorder = new UsageRecorder(handle, 60_000, chunkRows);
      hour += HOUR_MS; // a new hour each time: every key gets a new counter row, as in a flush of cold keys
      ids.forEach((id, i) => recorder.record(id, i % 10 === 0, hour + (i % 1000)));
      const usage = await measured(() => recorder.flush());
      const log = new RequestLogRecorder(handle, 60_000, chunkRows);
      const at = Date.now();
      ids.forEach((apiKeyId, i) =>
        log.record({
          at: at + i,
          requestId: newRequestId(),
          merchantId: merchant.id,
          mode: "test",
          apiKeyId,
          applicationId: app.id,
          method: "GET",
          path: "/api/v1/payment_links/plink_0mx5nd2hgjqfSTY6xSON4Hou1",
          status: i % 10 === 0 ? 404 : 200,
          durationMs: 2,
          ip: "203.0.113.7",
          userAgent: "Stripe/1.0 (+https://example.com) node/20.19.0",
          idempotencyKey: null,
          error:
            i % 10 === 0 ? { type: "not_found", code: "resource_missing", message: "No such payment link." } : null,
          objectIds: [],
        }),
      );
      const insert = await measured(() => log.flush());
      // The same time with nothing to do: what this machine's load alone does to the event loop.
      const idle = await measured(() => new Promise((resolve) => setTimeout(resolve, usage.totalMs)));
      if (pass === 0) continue;
      const usageRows = chunkRows ?? DEFAULT_CHUNK_ROWS;
      figures.push({ engine, what: `usage flush of ${KEYS} keys`, chunkRows: usageRows, ...usage });
      figures.push({
        engine,
        what: `request log flush of ${KEYS} requests`,
        chunkRows: chunkRows ?? REQUEST_LOG_CHUNK_ROWS,
        ...insert,
      });
      figures.push({ engine, what: "nothing (idle, as long as the flush)", chunkRows: usageRows, ...idle });
    }
    return figures;
  } finally {
    await handle?.db.$disconnect();
    await database.drop();
  }
}

/** SQLite, and PostgreSQL when TEST_DATABASE_URL_PG is set. */
export async function measureFlushes(chunkSizes: Array<number | undefined> = [undefined]): Promise<FlushFigure[]> {
  const engines: DbEngine[] = config.TEST_DATABASE_URL_PG ? ["sqlite", "postgresql"] : ["sqlite"];
  const figures: FlushFigure[] = [];
  for (const engine of engines) figures.push(...(await measureEngine(engine, chunkSizes)));
  return figures;
}

export function printFlushTable(figures: FlushFigure[]): void {
  console.log("\nbatched writes measured directly (no server; target: the event loop never waits more than 20 ms)\n");
  console.log("| engine | write | rows / statement | total | max event-loop delay | max CPU of one turn |");
  console.log("|---|---|---|---|---|---|");
  for (const f of figures)
    console.log(
      `| ${f.engine} | ${f.what} | ${f.chunkRows} | ${f.totalMs.toFixed(0)} ms | ${f.maxDelayMs.toFixed(1)} ms | ${f.maxTurnCpuMs.toFixed(1)} ms |`,
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  printFlushTable(await measureFlushes(sizes.length > 0 ? sizes : undefined));
  process.exit(0);
}
