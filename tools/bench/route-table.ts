// The bench's route table on one configuration: the same wrk load on three routes of one server, in interleaved
// rounds, with the server CPU and the database queries each verified request costs.
import { config } from "@/lib/config";
import type { Configuration } from "./configurations";
import {
  CONNECTIONS,
  cpuMs,
  DURATION,
  median,
  PIN,
  ROUNDS,
  startBenchServer,
  WARMUP,
  wrk,
  type WrkResult,
} from "./measure";
import type { Scenario } from "./scenario";

type Run = WrkResult & { queries: number; keyLookups: number; cpuMicros: number };

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

function summarise(name: string, list: Run[]): Result {
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
}

/** Prints the table and the me/health ratios; returns the median per-round me/health ratio. */
function report(targets: Array<[string, string, Record<string, string>]>, runs: Run[][]): number {
  const results = targets.map(([name], index) => summarise(name, runs[index]!));
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
  return median(paired);
}

/** `GET /api/health`, `GET /api/v1/me` and a page of payment links, on a fresh server of `configuration`. */
export function routeTable(configuration: Configuration): Scenario {
  return {
    name: `route table, ${configuration.name}`,
    async run() {
      console.log(`\n## ${configuration.name}\n`);
      const prepared = await configuration.prepare();
      if ("skipped" in prepared) {
        console.log(`skipped: ${prepared.skipped}`);
        return `me/health ${configuration.name}: skipped (${prepared.skipped})`;
      }
      const slug = configuration.name.replace(/^\((\w)\).*/, "$1");
      try {
        const server = await startBenchServer(prepared.env, `.data/bench-server-${slug}.log`);
        const auth = { Authorization: `Bearer ${prepared.secret}` };
        const targets: Array<[string, string, Record<string, string>]> = [
          ["GET /api/health", "/api/health", {}],
          ["GET /api/v1/me", "/api/v1/me", auth],
          ["GET /api/v1/payment_links?limit=10", "/api/v1/payment_links?limit=10", auth],
        ];
        const runs = targets.map(() => [] as Run[]);
        try {
          // Warm-up: compile, connect, cache the key, optimise.
          for (const [, path, headers] of targets) await wrk(server.url + path, headers, WARMUP);
          for (let round = 0; round < ROUNDS; round += 1) {
            for (const [index, [, path, headers]] of targets.entries()) {
              const before = await server.counts();
              const cpuBefore = cpuMs(server.pid);
              const load = await wrk(server.url + path, headers, DURATION);
              const cpuAfter = cpuMs(server.pid);
              const after = await server.counts();
              const cpuMicros = ((cpuAfter - cpuBefore) * 1000) / load.requests;
              const queries = after.queries - before.queries;
              runs[index]!.push({ ...load, cpuMicros, queries, keyLookups: after.keyLookups - before.keyLookups });
            }
          }
        } finally {
          await server.stop("SIGTERM");
        }
        const pinned = PIN ? " (server on core 0, wrk on core 1)" : "";
        console.log(
          `wrk -t1 -c${CONNECTIONS} -d${DURATION}, ${ROUNDS} interleaved rounds (medians), server and load on this machine${pinned}\n`,
        );
        const ratio = report(targets, runs);
        return `me/health ${configuration.name}: ${ratio.toFixed(3)}`;
      } finally {
        await prepared.cleanup();
      }
    },
  };
}
