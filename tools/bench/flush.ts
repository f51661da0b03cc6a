// The batch writer measured directly (no server): how long the event loop waits at most while a usage flush of
// 10,000 distinct keys, and an insert of 10,000 rows (what the request log will write), run through lib/db/batch.ts.
// Each engine gets a fresh database: SQLite always, PostgreSQL when TEST_DATABASE_URL_PG names a server.
// `tsx tools/bench/flush.ts [chunkRows…]` compares chunk sizes (default: the writer's); `npm run bench` runs it too.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { config } from "@/lib/config";
import { createDb, type DbEngine, type DbHandle } from "@/lib/db";
import { BatchWriter, DEFAULT_CHUNK_ROWS, type BatchTable } from "@/lib/db/batch";
import { UsageRecorder } from "@/lib/keys/usage";
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

type EventRow = { id: string; action: string; targetType: string; targetId: string; createdAt: Date };
const EVENTS: BatchTable<EventRow> = {
  table: "AuditEvent",
  columns: { id: "text", action: "text", targetType: "text", targetId: "text", createdAt: "timestamp" },
};

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

async function measureEngine(engine: DbEngine, chunkSizes: number[]): Promise<FlushFigure[]> {
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
    for (const [pass, chunkRows] of [chunkSizes[0]!, ...chunkSizes].entries()) {
      const recorder = new UsageRecorder(handle, 60_000, chunkRows);
      hour += HOUR_MS; // a new hour each time: every key gets a new counter row, as in a flush of cold keys
      ids.forEach((id, i) => recorder.record(id, i % 10 === 0, hour + (i % 1000)));
      const usage = await measured(() => recorder.flush());
      const tag = randomBytes(4).toString("hex");
      const rows = ids.map((id, i) => ({
        id: `evt_${tag}_${i}`,
        action: "bench",
        targetType: "key",
        targetId: id,
        createdAt: new Date(),
      }));
      const insert = await measured(() => new BatchWriter(handle!, chunkRows).insert(EVENTS, rows));
      // The same time with nothing to do: what this machine's load alone does to the event loop.
      const idle = await measured(() => new Promise((resolve) => setTimeout(resolve, usage.totalMs)));
      if (pass === 0) continue;
      figures.push({ engine, what: `usage flush of ${KEYS} keys`, chunkRows, ...usage });
      figures.push({ engine, what: `insert of ${KEYS} rows`, chunkRows, ...insert });
      figures.push({ engine, what: "nothing (idle, as long as the flush)", chunkRows, ...idle });
    }
    return figures;
  } finally {
    await handle?.db.$disconnect();
    await database.drop();
  }
}

/** SQLite, and PostgreSQL when TEST_DATABASE_URL_PG is set. */
export async function measureFlushes(chunkSizes = [DEFAULT_CHUNK_ROWS]): Promise<FlushFigure[]> {
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
