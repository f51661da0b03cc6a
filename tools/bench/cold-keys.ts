// The bench's cold-key scenario: 10,000 keys of their own, taken in turn by wrk for COLD_DURATION, so that every
// usage flush (every 5 s) writes thousands of distinct keys while requests keep coming. It reports the requests'
// latency as wrk saw it and the longest the server's event loop waited (measured inside the server by
// tools/bench/instrument.mjs), then the batch writer measured directly (tools/bench/flush.ts). run.ts calls it with
// its running server.
import { execFile, execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { config } from "@/lib/config";
import { createDb } from "@/lib/db";
import { createKeysInBulk } from "@/test/support/bulk-keys";
import { measureFlushes, printFlushTable } from "./flush";

const KEYS = 10_000;
// Six flushes' worth: about three uses per key at this machine's ~1,000 requests/s.
const COLD_DURATION = "30s";
const TARGET_MAX_LATENCY_MS = 100;
const SECRETS_FILE = ".data/bench-cold-keys.txt";
const SCRIPT_FILE = ".data/bench-cold-keys.lua";

// Each request takes the next key; wrk's one thread has one Lua state, so the turn goes round all the keys.
const WRK_SCRIPT = `
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

type Metrics = { queries: number; keyLookups: number; eventLoop: { maxDelayMs: number; p99DelayMs: number } };

/** wrk's latency figures are like `812.00us`, `7.24ms` or `1.20s`. */
function milliseconds(text: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? "");
  if (!match) return NaN;
  return Number(match[1]) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as "us" | "ms" | "s" | "m"];
}

function pinned(args: string[]): [string, string[]] {
  if (!config.BENCH_PIN || availableParallelism() < 2) return ["wrk", args];
  try {
    execFileSync("taskset", ["-c", "1", "true"], { stdio: "ignore" });
    return ["taskset", ["-c", "1", "wrk", ...args]];
  } catch {
    return ["wrk", args];
  }
}

export async function coldKeys({ server, metricsPort, merchantId, applicationId }: Bench): Promise<void> {
  const handle = createDb(config.DATABASE_URL);
  const keys = await createKeysInBulk(KEYS, { merchantId, applicationId }, { handle });
  await handle.db.$disconnect();
  writeFileSync(SECRETS_FILE, keys.map((key) => key.secret).join("\n") + "\n");
  writeFileSync(SCRIPT_FILE, WRK_SCRIPT);

  const metrics = async (query = "") =>
    (await (await fetch(`http://127.0.0.1:${metricsPort}/${query}`)).json()) as Metrics;
  const before = await metrics("?reset");
  const wrkArgs = ["-t1", `-c${config.BENCH_CONNECTIONS}`, `-d${COLD_DURATION}`, "--latency", "-s", SCRIPT_FILE];
  const [command, args] = pinned([...wrkArgs, `${server.url}/api/v1/me`, "--", SECRETS_FILE]);
  const { stdout: out } = await promisify(execFile)(command, args, { encoding: "utf8" });
  const after = await metrics();

  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const maxLatency = milliseconds(/Latency\s+\S+\s+\S+\s+(\S+)/.exec(out)?.[1]);
  const lookups = after.keyLookups - before.keyLookups;
  console.log(
    `\ncold keys: ${KEYS} keys taken in turn, wrk -t1 -c${config.BENCH_CONNECTIONS} -d${COLD_DURATION}, GET /api/v1/me; ` +
      "the server's event loop is measured inside it (monitorEventLoopDelay, 1 ms resolution)\n",
  );
  console.log(
    "| requests | requests/s | uses per key | key lookups | p50 | p99 | max | server event loop: max delay | p99 delay | non-2xx |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  console.log(
    `| ${requests} | ${/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? "?"} | ${(requests / KEYS).toFixed(1)} | ${lookups} | ` +
      `${/\s50%\s+(\S+)/.exec(out)?.[1] ?? "?"} | ${/\s99%\s+(\S+)/.exec(out)?.[1] ?? "?"} | ${maxLatency.toFixed(1)}ms | ` +
      `${after.eventLoop.maxDelayMs.toFixed(1)}ms | ${after.eventLoop.p99DelayMs.toFixed(1)}ms | ` +
      `${/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0} |`,
  );
  console.log(
    `max request latency: ${maxLatency.toFixed(1)} ms (target <= ${TARGET_MAX_LATENCY_MS} ms): ` +
      (maxLatency <= TARGET_MAX_LATENCY_MS ? "met" : "NOT met"),
  );
  printFlushTable(await measureFlushes());
}
