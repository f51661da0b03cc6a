// `BENCH_BASELINE=<another checkout, built> npx tsx tools/bench/baseline.ts`: the cold-key load (tools/bench/cold-keys.ts)
// on this checkout's build and on the baseline's, in interleaved rounds, each server on a fresh SQLite database of
// its own with keys no request has used yet, so that a change's effect is a ratio measured in one run rather than two runs
// minutes apart on a machine that drifts. Both servers load this checkout's tools/bench/instrument.mjs.
import "./database";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db";
import { createKeysInBulk } from "@/test/support/bulk-keys";
import { drive, SCRIPT_FILE, WRK_SCRIPT, type Row } from "./cold-keys";
import { seed } from "./configurations";
import { median, raisePriority, requireWrk, startBenchServer, WARMUP, type BenchServer } from "./measure";

const ROUND = process.env.BENCH_BASELINE_ROUND ?? "10s";
const ROUNDS = Number(process.env.BENCH_BASELINE_ROUNDS ?? 6);
// Keys of its own for each round, more than a round sends at ~800 requests/s: every request's key is cold (not yet
// in the key cache), as in the cold-key scenario, and a usage flush holds about requests/s x 5 distinct keys.
const KEYS_PER_ROUND = 8000;
// A server's last usage and request-log flush comes up to 5 s after its round: the next round waits it out.
const SETTLE_MS = 6000;

interface Side {
  name: string;
  server: BenchServer;
  /** One file of secrets per round, and one of a single key for the warm-up. */
  rounds: string[];
  hot: string;
}

async function prepare(name: string, dir: string): Promise<Side> {
  const file = path.resolve(`.data/bench-baseline-${name}.db`);
  const url = `file:${file}`;
  await seed(url);
  const handle = createDb(url);
  const bench = await handle.db.apiKey.findFirstOrThrow({ where: { name: "bench" } });
  const keys = await createKeysInBulk(
    KEYS_PER_ROUND * ROUNDS + 1,
    { merchantId: bench.merchantId!, applicationId: bench.applicationId! },
    { handle, rateLimit: 100_000 },
  );
  await handle.db.$disconnect();
  const secretsFile = (suffix: string | number) => `.data/bench-baseline-${name}-${suffix}.txt`;
  const rounds = Array.from({ length: ROUNDS }, (_, round) => {
    const slice = keys.slice(1 + round * KEYS_PER_ROUND, 1 + (round + 1) * KEYS_PER_ROUND);
    writeFileSync(secretsFile(round), slice.map((key) => key.secret).join("\n") + "\n");
    return secretsFile(round);
  });
  writeFileSync(secretsFile("hot"), `${keys[0]!.secret}\n`);
  const server = await startBenchServer(
    { DATABASE_URL: url, REDIS_URL: undefined, BENCH_LOOP_CPU: "1" },
    `.data/bench-baseline-${name}.log`,
    { cwd: dir },
  );
  return { name, server, rounds, hot: secretsFile("hot") };
}

async function main() {
  const baseline = process.env.BENCH_BASELINE;
  if (!baseline) throw new Error("Set BENCH_BASELINE to the directory of another checkout with a production build.");
  requireWrk();
  console.log(`\nbench priority: ${raisePriority()}`);
  writeFileSync(SCRIPT_FILE, WRK_SCRIPT);
  const sides = [await prepare("current", process.cwd()), await prepare("baseline", path.resolve(baseline))];
  const results = new Map<string, Row[]>(sides.map((side) => [side.name, []]));
  try {
    for (const side of sides) await drive("warm-up", side.hot, WARMUP, side.server.url, side.server.metricsPort);
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate which goes first, so neither always runs right after the other's flush.
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const row = await drive(side.name, side.rounds[round]!, ROUND, side.server.url, side.server.metricsPort);
        results.get(side.name)!.push(row);
        if (process.env.BENCH_VERBOSE === "1") console.log(round, side.name, row.rps, row.p99, row.maxMs);
      }
    }
  } finally {
    for (const side of sides) await side.server.stop("SIGTERM");
  }
  const ms = (text: string) => {
    const match = /^([\d.]+)(us|ms|s)$/.exec(text);
    return match ? Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2] as "us" | "ms" | "s"] : NaN;
  };
  const summary = (rows: Row[]) => ({
    rps: median(rows.map((r) => r.rps)),
    p99: median(rows.map((r) => ms(r.p99))),
    max: median(rows.map((r) => r.maxMs)),
    held: median(rows.map((r) => r.loop.maxHeldMs)),
    gc: median(rows.map((r) => r.loop.maxGcPauseMs)),
  });
  const [current, base] = sides.map((side) => summary(results.get(side.name)!)) as [
    ReturnType<typeof summary>,
    ReturnType<typeof summary>,
  ];
  console.log(
    `\n${KEYS_PER_ROUND} new keys a round in turn, GET /api/v1/me, ${ROUNDS} interleaved rounds of ${ROUND} (medians over rounds)\n`,
  );
  console.log("| build | requests/s | p99 | max | longest CPU stretch | longest GC |");
  console.log("|---|---|---|---|---|---|");
  for (const [name, s] of [
    ["current", current],
    ["baseline", base],
  ] as const) {
    console.log(
      `| ${name} | ${s.rps.toFixed(0)} | ${s.p99.toFixed(1)} ms | ${s.max.toFixed(1)} ms | ${s.held.toFixed(1)} ms | ${s.gc.toFixed(1)} ms |`,
    );
  }
  const ratios = (pick: (r: Row) => number) =>
    median(results.get("current")!.map((row, i) => pick(row) / pick(results.get("baseline")![i]!))).toFixed(3);
  console.log(
    `\ncurrent/baseline, median of per-round ratios: requests/s ${ratios((r) => r.rps)}, p99 ${ratios((r) => ms(r.p99))}, max ${ratios((r) => r.maxMs)}`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
