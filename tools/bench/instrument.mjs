// The bench's view into its server. tools/bench/run.ts loads this file into the server ahead of the app
// (NODE_OPTIONS=--import), so the app's database client, built later, finds this observer (lib/db/query-observer.ts)
// and reports every SQL query to it. The counts are served as JSON on 127.0.0.1:$BENCH_METRICS_PORT, a port of their
// own: the app has no route for them, and neither a normal run nor a normal build has any of this.
// Plain JavaScript, so that Node loads it as it is: no TypeScript loader runs inside the measured server.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

// A SELECT that reads the ApiKey table: one of the verifier's key lookups (the target is none per verified request).
const KEY_LOOKUP = /^\s*SELECT\b[\s\S]*\bFROM\s+\S*ApiKey\b/i;
const counts = { queries: 0, keyLookups: 0 };

// The key lib/db/query-observer.ts reads.
globalThis[Symbol.for("merchant-console.db.queryObserver")] = (sql) => {
  counts.queries += 1;
  if (KEY_LOOKUP.test(sql)) counts.keyLookups += 1;
};

// How late the server's event loop ran (1 ms resolution), and its longest garbage collection, since the start or the
// last `?reset`: a stall as long as a collection is the collector's, not the app's code.
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
let maxGcPauseMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) maxGcPauseMs = Math.max(maxGcPauseMs, entry.duration);
}).observe({ entryTypes: ["gc"] });

// With BENCH_LOOP_CPU=1 (the cold-key scenario), what a late event loop was made of, from the main thread's own
// scheduler accounting (/proc/thread-self/schedstat, Linux: ns on a core, ns waiting for one): between two firings of
// a 1 ms timer, the most CPU the main thread used (what the app's code held the loop for) and the longest it waited
// for a core (what other processes and this process's own helper threads took from it).
let maxHeldMs = 0;
let maxWaitMs = 0;
if (process.env.BENCH_LOOP_CPU === "1") {
  const schedstat = () => {
    try {
      return readFileSync("/proc/thread-self/schedstat", "utf8").split(" ").map(Number);
    } catch {
      return [NaN, NaN];
    }
  };
  let [lastRun, lastWait] = schedstat();
  setInterval(() => {
    const [run, wait] = schedstat();
    maxHeldMs = Math.max(maxHeldMs, (run - lastRun) / 1e6);
    maxWaitMs = Math.max(maxWaitMs, (wait - lastWait) / 1e6);
    [lastRun, lastWait] = [run, wait];
  }, 1).unref();
}

const port = Number(process.env.BENCH_METRICS_PORT);
/**
 * The counts' server (none without BENCH_METRICS_PORT); unref'd: it never keeps a process alive by itself.
 * `GET /` answers the counts, the event-loop delay's maximum and p99, the longest GC pause, and (BENCH_LOOP_CPU) the
 * longest CPU stretch and core wait in ms; `GET /?reset` also restarts those.
 */
export const server = port
  ? createServer((request, response) => {
      const eventLoop = {
        maxDelayMs: loopDelay.max / 1e6,
        p99DelayMs: loopDelay.percentile(99) / 1e6,
        maxGcPauseMs,
        maxHeldMs,
        maxWaitMs,
      };
      if (request.url?.includes("reset")) {
        loopDelay.reset();
        maxGcPauseMs = maxHeldMs = maxWaitMs = 0;
      }
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...counts, eventLoop }));
    })
      .listen(port, "127.0.0.1")
      .unref()
  : undefined;
