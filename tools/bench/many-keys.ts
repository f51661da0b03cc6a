// The bench's many-keys scenario (tools/bench/run.ts calls it; `npx tsx tools/bench/many-keys.ts` runs it alone on a
// fresh bench database): 100,000 keys in the database, wrk driving GET /api/v1/me over 20,000 of them with a Lua
// script that picks each request's key at random, once per key-cache size. It reports the cache's hit rate (from the
// server's own /api/metrics), the queries per request (from tools/bench/instrument.mjs), the server's RSS, and the
// cache's memory per entry (tools/bench/key-cache-memory.ts).
import { DATABASE_URL } from "./database";
import { execFile, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { config } from "@/lib/config";
import { PIN } from "./measure";

const SEEDED = 100_000;
const DRIVEN = 20_000;
const CACHE_SIZES = [config.KEY_CACHE_MAX_ENTRIES, 25_000];
const MEASURED = "20s";
const MEMORY_ENTRIES = 10_000;
const METRICS_TOKEN = "bench-metrics-token-0123456789";
const SECRETS_FILE = ".data/many-keys-secrets.txt";
const SCRIPT_FILE = ".data/many-keys.lua";

// A key chosen at random for each request, from a fixed seed: every run sends the same sequence.
const LUA = `
local keys = {}
function init(args)
  for line in io.lines(args[1]) do keys[#keys + 1] = "Bearer " .. line end
  math.randomseed(20261201)
end
function request()
  return wrk.format("GET", "/api/v1/me", { Authorization = keys[math.random(#keys)] })
end
`;

const run = promisify(execFile);

const pinned = PIN; // the server on core 0 and wrk on core 1, as in the route table

async function wrk(url: string, duration: string) {
  const args = ["-t1", `-c${config.BENCH_CONNECTIONS}`, `-d${duration}`, "--latency", "-s", SCRIPT_FILE, url, "--"];
  const [command, commandArgs] = pinned ? ["taskset", ["-c", "1", "wrk", ...args]] : ["wrk", args];
  const { stdout } = await run(command, [...commandArgs, SECRETS_FILE], { encoding: "utf8" });
  return {
    requests: Number(/(\d+) requests in/.exec(stdout)?.[1] ?? NaN),
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? NaN),
    p99: /\s99%\s+(\S+)/.exec(stdout)?.[1] ?? "?",
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
  };
}

function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

/** One request per key, BENCH_CONNECTIONS at a time: each key's first request misses, whatever the cache's size. */
async function warmUp(url: string, secrets: readonly string[]): Promise<void> {
  let next = 0;
  const send = async (secret: string) => {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${secret}` } });
    await response.arrayBuffer();
  };
  const connection = async () => {
    while (next < secrets.length) {
      const secret = secrets[next++]!;
      // One retry: the server may have closed an idle keep-alive socket just as it was reused.
      await send(secret).catch(() => send(secret));
    }
  };
  await Promise.all(Array.from({ length: config.BENCH_CONNECTIONS }, connection));
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** One server with a key cache of `maxEntries`: the warm-up, then MEASURED of random keys. */
async function measure(maxEntries: number, secrets: readonly string[]) {
  const { freePort, startNextServer } = await import("@/test/support/next-server");
  const { metricValue } = await import("@/test/support/metrics-text");
  const countsPort = await freePort();
  const instrument = new URL("./instrument.mjs", import.meta.url).href;
  const server = await startNextServer(
    {
      DATABASE_URL,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${instrument}`].filter(Boolean).join(" "),
      BENCH_METRICS_PORT: String(countsPort),
      METRICS_TOKEN,
      KEY_CACHE_MAX_ENTRIES: String(maxEntries),
    },
    { logFile: ".data/bench-many-keys-server.log" },
  );
  if (pinned) execFileSync("taskset", ["-a", "-p", "-c", "0", String(server.pid)], { stdio: "ignore" });
  const headers = { Authorization: `Bearer ${METRICS_TOKEN}` };
  const readOnce = async () => {
    const metrics = await (await fetch(`${server.url}/api/metrics`, { headers })).text();
    const counts = (await (await fetch(`http://127.0.0.1:${countsPort}/`)).json()) as Record<string, number>;
    return { metrics, counts };
  };
  const read = () => readOnce().catch(readOnce);
  try {
    await warmUp(`${server.url}/api/v1/me`, secrets);
    const before = await read();
    const load = await wrk(`${server.url}/api/v1/me`, MEASURED);
    const after = await read();
    const moved = (series: string) =>
      metricValue(after.metrics, `merchant_console_${series}`) -
      metricValue(before.metrics, `merchant_console_${series}`);
    const hits = moved("key_cache_hits_total");
    const misses = moved("key_cache_misses_total");
    const flushes = moved('batch_flushes_total{batch="usage"}');
    return {
      maxEntries,
      ...load,
      hitRate: hits / (hits + misses),
      entries: metricValue(after.metrics, "merchant_console_key_cache_entries"),
      evictions: moved("key_cache_evictions_total"),
      keyLookups: (after.counts.keyLookups! - before.counts.keyLookups!) / load.requests,
      queries: (after.counts.queries! - before.counts.queries!) / load.requests,
      usageFlushSeconds: moved('batch_flush_duration_seconds_sum{batch="usage"}') / flushes,
      usageFlushRows: moved('batch_flush_rows_total{batch="usage"}') / flushes,
      rss: rssBytes(server.pid),
      heap: metricValue(after.metrics, "nodejs_heap_size_used_bytes"),
    };
  } finally {
    await server.stop("SIGTERM");
  }
}

/** Seeds the keys, measures each cache size, and prints the scenario's table. */
export async function manyKeysBench(): Promise<void> {
  const { db } = await import("@/lib/db");
  const { createApplication, createMerchant } = await import("@/test/support/fixtures");
  const { seedKeys } = await import("./seed-keys");
  const seedStarted = performance.now();
  const merchantId = (await createMerchant("many keys")).id;
  const applicationId = (await createApplication(merchantId)).id;
  const secrets = await seedKeys(db, { count: SEEDED, merchantId, applicationId });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  await db.$disconnect();
  const driven = secrets.slice(0, DRIVEN);
  writeFileSync(SECRETS_FILE, `${driven.join("\n")}\n`);
  writeFileSync(SCRIPT_FILE, LUA);

  const results = [];
  for (const size of CACHE_SIZES) results.push(await measure(size, driven));
  const memory = JSON.parse(
    execFileSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", "tools/bench/key-cache-memory.ts", String(MEMORY_ENTRIES)],
      { encoding: "utf8" },
    )
      .trim()
      .split("\n")
      .at(-1)!,
  ) as { bytesPerEntry: number };

  console.log(
    `\nMany keys: ${SEEDED.toLocaleString("en")} keys seeded in ${seedSeconds.toFixed(1)} s, GET /api/v1/me over ` +
      `${DRIVEN.toLocaleString("en")} of them (a random key per request), wrk -t1 -c${config.BENCH_CONNECTIONS} -d${MEASURED} ` +
      `after one warm-up request per key${pinned ? " (server on core 0, wrk on core 1)" : ""}\n`,
  );
  console.log(
    "| key cache size | requests/s | p99 | cache hit rate | key lookups / request | queries / request | cache entries | evictions | usage flush (keys, s) | server RSS | heap used | non-2xx |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.maxEntries.toLocaleString("en")} | ${r.rps.toFixed(0)} | ${r.p99} | ${(100 * r.hitRate).toFixed(1)} % | ` +
        `${r.keyLookups.toFixed(4)} | ${r.queries.toFixed(4)} | ${r.entries} | ${r.evictions} | ` +
        `${r.usageFlushRows.toFixed(0)}, ${r.usageFlushSeconds.toFixed(2)} | ${mb(r.rss)} | ${mb(r.heap)} | ${r.non2xx} |`,
    );
  }
  console.log(
    `\nkey cache memory: ${memory.bytesPerEntry} bytes per entry (heap used after GC, ${MEMORY_ENTRIES.toLocaleString("en")} ` +
      `keys loaded through the verifier's query; tools/bench/key-cache-memory.ts)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { applyMigrations } = await import("../db/migrate");
  await applyMigrations(DATABASE_URL);
  await manyKeysBench();
  process.exit(0);
}
