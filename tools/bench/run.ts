// `npm run bench`: one server (as `npm start` runs it) on a seeded SQLite database, the same wrk load on three
// routes, and the database queries each verified request costs (from Prisma's query events, counted inside the
// server by tools/bench/instrument.mjs and read from its own port).
import { DATABASE_URL } from "./database";
import { execFile, execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { readFileSync } from "node:fs";
import { config } from "@/lib/config";
import { propagationScenario } from "./propagation";

const DURATION = config.BENCH_DURATION;
// Routes are measured in interleaved rounds: one run each, back to back, mostly measures the machine's drift between
// the two runs. Ratios are taken within each round (routes measured seconds apart) and summarised by their median.
const ROUNDS = config.BENCH_ROUNDS;
// V8 keeps optimising for several seconds: shorter warm-ups left the first rounds measurably slower.
const WARMUP = config.BENCH_WARMUP;
const CONNECTIONS = String(config.BENCH_CONNECTIONS);

// With two cores or more, the server runs on core 0 and wrk on core 1 (Linux `taskset`), so the load generator
// neither steals the server's CPU nor depends on where the scheduler puts it: the nearest this machine gets to
// running the load from another machine. BENCH_PIN=0 turns it off.
const PIN = (() => {
  if (!config.BENCH_PIN || availableParallelism() < 2) return false;
  try {
    execFileSync("taskset", ["-c", "0", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

interface Result {
  name: string;
  requestsPerSecond: number;
  /** Server CPU time (user + system) per request, in µs: steadier than requests/s on a shared machine. */
  cpuMicros: number;
  p50: string;
  p99: string;
  queriesPerRequest: number;
  keyLookupsPerRequest: number;
  non2xx: number;
}

const run = promisify(execFile);

// CPU time a process has used so far, in ms, from /proc (Linux); NaN elsewhere.
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

// Asynchronous on purpose: a blocked event loop would stop draining the server's stdout pipe and stall it.
async function wrk(
  url: string,
  headers: Record<string, string>,
  duration: string,
): Promise<{ rps: number; p50: string; p99: string; requests: number; non2xx: number }> {
  const args = [
    "-t1",
    `-c${CONNECTIONS}`,
    `-d${duration}`,
    "--latency",
    ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]),
    url,
  ];
  const [command, commandArgs] = PIN ? ["taskset", ["-c", "1", "wrk", ...args]] : ["wrk", args];
  const { stdout: out } = await run(command, commandArgs, { encoding: "utf8" });
  const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? NaN);
  const text = (pattern: RegExp) => pattern.exec(out)?.[1] ?? "?";
  return {
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    p50: text(/\s50%\s+(\S+)/),
    p99: text(/\s99%\s+(\S+)/),
    requests: number(/(\d+) requests in/),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
  };
}

async function main() {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT")
      throw new Error("wrk is not installed: `apt-get install -y wrk` (or your package manager's wrk)");
  }
  const { applyMigrations } = await import("../db/migrate");
  await applyMigrations(DATABASE_URL);
  const { createKey } = await import("@/test/support/fixtures");
  const { freePort, startNextServer } = await import("@/test/support/next-server");
  const { db } = await import("@/lib/db");

  // A realistic table: many keys, and one merchant's links.
  const { secret, merchantId, applicationId } = await createKey({ name: "bench", rateLimit: 100_000 });
  for (let i = 0; i < 200; i += 1) await createKey({ merchantId, applicationId, name: `other ${i}` });
  const links = Array.from({ length: 100 }, (_, i) => ({ amount: 100 + i, currency: "usd", description: `Link ${i}` }));
  const { createPaymentLink } = await import("@/lib/payments");
  const keyRow = await db.apiKey.findFirstOrThrow({ where: { name: "bench" } });
  const ctx = { db, bus: { async publish() {} }, now: () => new Date() };
  const owner = { ownerId: merchantId, livemode: false };
  for (const link of links) await createPaymentLink(ctx, { owner, keyId: keyRow.id, link });
  await db.$disconnect();

  // The query counter is loaded into the server before the app, and answers on a port of its own.
  const metricsPort = await freePort();
  const instrument = new URL("./instrument.mjs", import.meta.url).href;
  const server = await startNextServer(
    {
      DATABASE_URL,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${instrument}`].filter(Boolean).join(" "),
      BENCH_METRICS_PORT: String(metricsPort),
    },
    { logFile: ".data/bench-server.log" },
  );
  if (PIN) execFileSync("taskset", ["-a", "-p", "-c", "0", String(server.pid)], { stdio: "ignore" }); // every thread of the server
  // One retry: the idle keep-alive socket from before a wrk run may have been closed by the server meanwhile.
  type Counts = { queries: number; keyLookups: number };
  const readCount = async () => (await (await fetch(`http://127.0.0.1:${metricsPort}/`)).json()) as Counts;
  const counts = () => readCount().catch(readCount);
  const auth = { Authorization: `Bearer ${secret}` };
  const targets: Array<[string, string, Record<string, string>]> = [
    ["GET /api/health", "/api/health", {}],
    ["GET /api/v1/me", "/api/v1/me", auth],
    ["GET /api/v1/payment_links?limit=10", "/api/v1/payment_links?limit=10", auth],
  ];
  const runs = targets.map(
    () => [] as Array<Awaited<ReturnType<typeof wrk>> & { queries: number; keyLookups: number; cpuMicros: number }>,
  );
  try {
    for (const [, path, headers] of targets) await wrk(server.url + path, headers, WARMUP); // warm-up: compile, connect, cache the key, optimise
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, [, path, headers]] of targets.entries()) {
        const before = await counts();
        const cpuBefore = cpuMs(server.pid);
        const load = await wrk(server.url + path, headers, DURATION);
        const cpuAfter = cpuMs(server.pid);
        const after = await counts();
        const cpuMicros = ((cpuAfter - cpuBefore) * 1000) / load.requests;
        runs[index]!.push({
          ...load,
          cpuMicros,
          queries: after.queries - before.queries,
          keyLookups: after.keyLookups - before.keyLookups,
        });
      }
    }
  } finally {
    await server.stop("SIGTERM");
  }

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    return sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const results: Result[] = targets.map(([name], index) => {
    const list = runs[index]!;
    const middle = [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)]!;
    const requests = list.reduce((sum, r) => sum + r.requests, 0);
    return {
      name,
      requestsPerSecond: median(list.map((r) => r.rps)),
      cpuMicros: median(list.map((r) => r.cpuMicros)),
      p50: middle.p50,
      p99: middle.p99,
      queriesPerRequest: list.reduce((sum, r) => sum + r.queries, 0) / requests,
      keyLookupsPerRequest: list.reduce((sum, r) => sum + r.keyLookups, 0) / requests,
      non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
    };
  });

  console.log(
    `\nwrk -t1 -c${CONNECTIONS} -d${DURATION}, ${ROUNDS} interleaved rounds (medians), server and load on this machine${PIN ? " (server on core 0, wrk on core 1)" : ""}\n`,
  );
  console.log(
    "| route | requests/s | p50 | p99 | server CPU / request | queries / request | key lookups / request | non-2xx |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.cpuMicros.toFixed(0)} µs | ${r.queriesPerRequest.toFixed(4)} | ${r.keyLookupsPerRequest.toFixed(4)} | ${r.non2xx} |`,
    );
  }
  const [health, me, list] = results;
  // Paired: /me against the health run of the same round, then the median over rounds.
  const perRound = runs[1]!.map((r, round) => r.rps / runs[0]![round]!.rps);
  const paired = [...perRound].sort((a, b) => a - b);
  const quartile = (q: number) => paired[Math.round(q * (paired.length - 1))] ?? NaN;
  if (config.BENCH_VERBOSE) {
    const row = (label: string, values: number[]) =>
      console.log(`${label.padEnd(30)} ${values.map((v) => v.toFixed(v < 10 ? 2 : 0)).join(" ")}`);
    row("per round: me/health", perRound);
    for (const [index, [name]] of targets.entries())
      row(
        `  ${name.split("?")[0]} µs CPU`,
        runs[index]!.map((r) => r.cpuMicros),
      );
  }
  const pairedCpu = runs[1]!.map((r, round) => runs[0]![round]!.cpuMicros / r.cpuMicros);
  console.log(
    `\nme/health = ${median(paired).toFixed(3)} (target >= 0.95): median of ${paired.length} per-round ratios of requests/s, ` +
      `middle half ${quartile(0.25).toFixed(3)}-${quartile(0.75).toFixed(3)}; ratio of the medians ${((me?.requestsPerSecond ?? 0) / (health?.requestsPerSecond ?? 1)).toFixed(3)}; ` +
      `by server CPU per request ${median(pairedCpu).toFixed(3)}`,
  );
  if (health && me && Number.isFinite(me.cpuMicros)) {
    const extra = median(runs[1]!.map((r, round) => r.cpuMicros - runs[0]![round]!.cpuMicros));
    console.log(
      `server CPU of /me over health: ${extra >= 0 ? "+" : ""}${extra.toFixed(0)} µs per request (${((100 * extra) / health.cpuMicros).toFixed(1)} %): key verification, rate limit, headers, usage, access log, and the larger body`,
    );
  }
  console.log(
    `key lookups per verified request: ${me?.keyLookupsPerRequest.toFixed(4)} (target 0); all queries per /me request: ${me?.queriesPerRequest.toFixed(4)} (the batched usage writes)`,
  );
  console.log(
    `queries per payment_links list: ${list?.queriesPerRequest.toFixed(4)} (target 1 + the batched usage writes)`,
  );
  await propagationScenario();
  await (await import("./many-keys")).manyKeysBench(); // its own servers, seeding and table
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error, (error as { cause?: unknown })?.cause);
  process.exit(1);
});
