// The bench's cold-key scenario: 10,000 keys of their own, taken in turn by wrk for COLD_DURATION, so that every
// usage flush (every 5 s) writes thousands of distinct keys while requests keep coming, after a control run on one
// key. It runs twice, each time on 10,000 keys no request has used yet: with one connection (sequential requests, as
// the scale-out issue measured the stalls: a request's latency is then its own wait, stalls included) and with
// BENCH_CONNECTIONS (a closed loop that keeps the server saturated, where a request also waits behind the others). It reports the requests' latency as wrk saw it and the longest the server's event loop waited (measured
// inside the server by tools/bench/instrument.mjs), then the batch writer measured directly (tools/bench/flush.ts).
// run.ts calls it with its running server.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { config } from "@/lib/config";
import { createDb } from "@/lib/db";
import { createKeysInBulk } from "@/test/support/bulk-keys";
import { inProcess } from "./configurations";
import { measureFlushes, printFlushTable } from "./flush";
import { PIN, startBenchServer, WARMUP } from "./measure";
import type { Scenario } from "./scenario";

export const KEYS = 10_000;
// Six flushes' worth: about three uses per key at ~1,000 requests/s (the hot routes' rate on an idle 2-core machine).
const COLD_DURATION = "30s";
const CONTROL_DURATION = "10s";
const TARGET_MAX_LATENCY_MS = 100;
const SECRETS_FILE = ".data/bench-cold-keys.txt";
const SEQUENTIAL_SECRETS_FILE = ".data/bench-cold-keys-sequential.txt";
const HOT_FILE = ".data/bench-cold-keys-control.txt";
export const SCRIPT_FILE = ".data/bench-cold-keys.lua";

// Each request takes the next key; wrk's one thread has one Lua state, so the turn goes round all the keys.
export const WRK_SCRIPT = `
local secrets = {}
local turn = 0
init = function(args)
  for line in io.lines(args[1]) do secrets[#secrets + 1] = line end
end
request = function()
  turn = turn % #secrets + 1
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. secrets[turn] })
end
`;

interface Bench {
  server: { url: string };
  metricsPort: number;
  merchantId: string;
  applicationId: string;
}

type Metrics = {
  queries: number;
  keyLookups: number;
  eventLoop: { maxDelayMs: number; p99DelayMs: number; maxGcPauseMs: number; maxHeldMs: number; maxWaitMs: number };
};

/** wrk's latency figures are like `812.00us`, `7.24ms` or `1.20s`. */
function milliseconds(text: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? "");
  if (!match) return NaN;
  return Number(match[1]) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as "us" | "ms" | "s" | "m"];
}

/** wrk with these arguments, on core 1 when the server is pinned to core 0 (measure.ts). */
function pinned(args: string[]): [string, string[]] {
  return PIN ? ["taskset", ["-c", "1", "wrk", ...args]] : ["wrk", args];
}

export interface Row {
  name: string;
  requests: number;
  rps: number;
  p50: string;
  p99: string;
  maxMs: number;
  keyLookups: number;
  loop: Metrics["eventLoop"];
  non2xx: number;
}

/** One wrk run taking the secrets of `file` in turn, with the server's event-loop delay over the run. */
export async function drive(
  name: string,
  file: string,
  duration: string,
  server: string,
  metricsPort: number,
  connections = config.BENCH_CONNECTIONS,
): Promise<Row> {
  const metrics = async (query = "") =>
    (await (await fetch(`http://127.0.0.1:${metricsPort}/${query}`)).json()) as Metrics;
  const before = await metrics("?reset");
  const wrkArgs = ["-t1", `-c${connections}`, `-d${duration}`, "--latency", "-s", SCRIPT_FILE];
  const [command, args] = pinned([...wrkArgs, `${server}/api/v1/me`, "--", file]);
  const { stdout: out } = await promisify(execFile)(command, args, { encoding: "utf8" });
  const after = await metrics();
  const text = (pattern: RegExp) => pattern.exec(out)?.[1] ?? "?";
  return {
    name,
    requests: Number(text(/(\d+) requests in/)),
    rps: Number(text(/Requests\/sec:\s+([\d.]+)/)),
    p50: text(/\s50%\s+(\S+)/),
    p99: text(/\s99%\s+(\S+)/),
    maxMs: milliseconds(text(/Latency\s+\S+\s+\S+\s+(\S+)/)),
    keyLookups: after.keyLookups - before.keyLookups,
    loop: after.eventLoop,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
  };
}

export async function coldKeys({ server, metricsPort, merchantId, applicationId }: Bench): Promise<void> {
  const handle = createDb(config.DATABASE_URL);
  // The bench key's limit: the control's one key takes every request, and the limiter is not what is measured here.
  const keys = await createKeysInBulk(2 * KEYS + 1, { merchantId, applicationId }, { handle, rateLimit: 100_000 });
  await handle.db.$disconnect();
  const secrets = (from: number) =>
    keys
      .slice(from, from + KEYS)
      .map((key) => key.secret)
      .join("\n") + "\n";
  writeFileSync(SEQUENTIAL_SECRETS_FILE, secrets(0));
  writeFileSync(SECRETS_FILE, secrets(KEYS));
  writeFileSync(HOT_FILE, `${keys[2 * KEYS]!.secret}\n`);
  writeFileSync(SCRIPT_FILE, WRK_SCRIPT);

  // A fresh server loads each route's code on its first request: warm /api/v1/me first, as the route table does.
  await drive("warm-up", HOT_FILE, WARMUP, server.url, metricsPort);
  // The control: the same load on one key, so small flushes; it shows what this machine's load alone does.
  const rows = [
    await drive("one key (control)", HOT_FILE, CONTROL_DURATION, server.url, metricsPort),
    await drive(
      `${KEYS} keys in turn, one connection`,
      SEQUENTIAL_SECRETS_FILE,
      COLD_DURATION,
      server.url,
      metricsPort,
      1,
    ),
    await drive(
      `${KEYS} other keys in turn, ${config.BENCH_CONNECTIONS} connections`,
      SECRETS_FILE,
      COLD_DURATION,
      server.url,
      metricsPort,
    ),
  ];
  console.log(
    `\ncold keys: wrk -t1, ${config.BENCH_CONNECTIONS} connections unless a row says one, GET /api/v1/me; usage is flushed every 5 s, so a flush holds ` +
      "about requests/s x 5 distinct keys; the server's event loop is measured inside it (monitorEventLoopDelay), and so\n" +
      "are its main thread's longest stretch on a core (the code holding the loop) and longest wait for one\n",
  );
  console.log(
    "| keys | requests | requests/s | keys per flush | key lookups | p50 | p99 | max | server event loop: max delay | p99 delay | longest GC | main thread: longest CPU stretch | longest wait for a core | non-2xx |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const [index, r] of rows.entries()) {
    const perFlush = index === 0 ? 1 : Math.min(KEYS, Math.round(r.rps * 5));
    console.log(
      `| ${r.name} | ${r.requests} | ${r.rps.toFixed(0)} | ${perFlush} | ${r.keyLookups} | ${r.p50} | ${r.p99} | ` +
        `${r.maxMs.toFixed(1)}ms | ${r.loop.maxDelayMs.toFixed(1)}ms | ${r.loop.p99DelayMs.toFixed(1)}ms | ${r.loop.maxGcPauseMs.toFixed(1)}ms | ` +
        `${r.loop.maxHeldMs.toFixed(1)}ms | ${r.loop.maxWaitMs.toFixed(1)}ms | ${r.non2xx} |`,
    );
  }
  for (const cold of rows.slice(1)) {
    console.log(
      `max request latency, ${cold.name}: ${cold.maxMs.toFixed(1)} ms (target <= ${TARGET_MAX_LATENCY_MS} ms): ` +
        (cold.maxMs <= TARGET_MAX_LATENCY_MS ? "met" : "NOT met"),
    );
  }
  printFlushTable(await measureFlushes());
}

/** The cold-key scenario on configuration (a): a fresh seeded SQLite database and a server of its own. */
export const coldKeysScenario: Scenario = {
  name: "cold keys",
  async run() {
    const prepared = await inProcess.prepare();
    if ("skipped" in prepared) return;
    try {
      const server = await startBenchServer({ ...prepared.env, BENCH_LOOP_CPU: "1" }, ".data/bench-server-cold.log");
      try {
        const handle = createDb(prepared.env.DATABASE_URL);
        const bench = await handle.db.apiKey.findFirstOrThrow({ where: { name: "bench" } });
        await handle.db.$disconnect();
        await coldKeys({
          server,
          metricsPort: server.metricsPort,
          merchantId: bench.merchantId!,
          applicationId: bench.applicationId!,
        });
      } finally {
        await server.stop("SIGTERM");
      }
    } finally {
      await prepared.cleanup();
    }
  },
};
