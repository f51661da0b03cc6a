// What every bench scenario measures with: wrk, the server's CPU time, the server of `npm start` with the query
// counter loaded (tools/bench/instrument.mjs), and medians.
import { execFile, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, setPriority } from "node:os";
import { promisify } from "node:util";
import { config } from "@/lib/config";
import { freePort, startNextServer, type NextServer } from "@/test/support/next-server";

export const DURATION = config.BENCH_DURATION;
// Routes are measured in interleaved rounds: one run each, back to back, mostly measures the machine's drift between
// the two runs. Ratios are taken within each round (routes measured seconds apart) and summarised by their median.
export const ROUNDS = config.BENCH_ROUNDS;
// V8 keeps optimising for several seconds: shorter warm-ups left the first rounds measurably slower.
export const WARMUP = config.BENCH_WARMUP;
export const CONNECTIONS = String(config.BENCH_CONNECTIONS);

// With two cores or more, the server runs on core 0 and wrk on core 1 (Linux `taskset`), so the load generator
// neither steals the server's CPU nor depends on where the scheduler puts it: the nearest this machine gets to
// running the load from another machine. BENCH_PIN=0 turns it off.
export const PIN = (() => {
  if (!config.BENCH_PIN || availableParallelism() < 2) return false;
  try {
    execFileSync("taskset", ["-c", "0", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Where allowed (root, or CAP_SYS_NICE), the bench and everything it starts (servers, wrk) run at nice -10, and so
 * does its session's autogroup (Linux groups each session's processes and shares the CPU between the groups first:
 * without it a process's nice only counts inside its own session). Other work on the machine then takes less from
 * the measured server. BENCH_PRIORITY=0 turns it off. Returns what it did, for the tables' header.
 */
export function raisePriority(): string {
  if (!config.BENCH_PRIORITY) return "normal priority (BENCH_PRIORITY=0)";
  try {
    setPriority(-10); // inherited by every process spawned from here on
  } catch {
    return "normal priority (not allowed to raise it)";
  }
  try {
    writeFileSync("/proc/self/autogroup", "-10");
    return "nice -10, and its session's autogroup too";
  } catch {
    return "nice -10";
  }
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
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

export interface WrkResult {
  rps: number;
  p50: string;
  p99: string;
  requests: number;
  non2xx: number;
}

/** Fails with the command to run when wrk is missing. */
export function requireWrk(): void {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT")
      throw new Error("wrk is not installed: `apt-get install -y wrk` (or your package manager's wrk)");
  }
}

// Asynchronous on purpose: a blocked event loop would stop draining the server's stdout pipe and stall it.
export async function wrk(url: string, headers: Record<string, string>, duration: string): Promise<WrkResult> {
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

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Counts {
  queries: number;
  keyLookups: number;
}

export interface BenchServer extends NextServer {
  /** The queries and key lookups the server's Prisma client has run so far. */
  counts(): Promise<Counts>;
  /** Where tools/bench/instrument.mjs answers inside the server. */
  metricsPort: number;
}

/**
 * The server of `npm start` on `env` (DATABASE_URL, REDIS_URL, ...), with the query counter loaded before the app
 * and answering on a port of its own, every thread of it on core 0 when pinned.
 */
export async function startBenchServer(
  env: Record<string, string | undefined>,
  logFile: string,
  { cwd }: { cwd?: string } = {},
): Promise<BenchServer> {
  const metricsPort = await freePort();
  const instrument = new URL("./instrument.mjs", import.meta.url).href;
  const server = await startNextServer(
    {
      ...env,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${instrument}`].filter(Boolean).join(" "),
      BENCH_METRICS_PORT: String(metricsPort),
    },
    { logFile, cwd },
  );
  if (PIN) execFileSync("taskset", ["-a", "-p", "-c", "0", String(server.pid)], { stdio: "ignore" });
  // One retry: the idle keep-alive socket from before a wrk run may have been closed by the server meanwhile.
  const readCount = async () => (await (await fetch(`http://127.0.0.1:${metricsPort}/`)).json()) as Counts;
  return { ...server, metricsPort, counts: () => readCount().catch(readCount) };
}
