import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { freePort } from "@/test/support/next-server";

type Counts = {
  queries: number;
  keyLookups: number;
  eventLoop: { maxDelayMs: number; p99DelayMs: number; maxGcPauseMs: number; maxHeldMs: number; maxWaitMs: number };
};

describe("the bench's query counter (tools/bench/instrument.mjs)", () => {
  let server: Server | undefined;
  afterAll(() => server?.close());

  it("counts the queries and key lookups of a client built after it loads, and the event-loop delay, and serves them on its own port", async () => {
    const port = await freePort();
    process.env.BENCH_METRICS_PORT = String(port);
    process.env.BENCH_LOOP_CPU = "1";
    // What `--import` does in the bench's server: load it before the app builds its client. A specifier
    // TypeScript does not follow: the file is plain JavaScript.
    const instrument = new URL("./instrument.mjs", import.meta.url).href;
    ({ server } = (await import(/* @vite-ignore */ instrument)) as { server?: Server });
    delete process.env.BENCH_METRICS_PORT;
    delete process.env.BENCH_LOOP_CPU;
    await new Promise<void>((resolve) => (server!.listening ? resolve() : server!.once("listening", resolve)));
    const counts = async () => (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as Counts;

    const { db } = createDb(process.env.DATABASE_URL);
    try {
      await db.$queryRawUnsafe("SELECT 1"); // connects first, so that what follows counts queries alone
      const start = await counts();
      await db.apiKey.findFirst({ where: { hash: "no-such-hash" } });
      const afterLookup = await counts();
      await db.merchant.count();
      const afterCount = await counts();
      expect([afterLookup.queries - start.queries, afterLookup.keyLookups - start.keyLookups]).toEqual([1, 1]);
      expect([afterCount.queries - afterLookup.queries, afterCount.keyLookups - afterLookup.keyLookups]).toEqual([
        1, 0,
      ]);

      // The event loop's figures are there beside the counts (their values are the bench's to read, not a test's).
      await fetch(`http://127.0.0.1:${port}/?reset`);
      // Code that holds the loop 40 ms of CPU shows up as a CPU stretch at least that long, however loaded the machine.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const cpuMs = () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
      const until = cpuMs() + 40;
      while (cpuMs() < until); // 40 ms of this thread's CPU, however long the machine makes it wait
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { eventLoop } = (await (await fetch(`http://127.0.0.1:${port}/?reset`)).json()) as Counts;
      for (const value of Object.values(eventLoop)) expect(value).toBeGreaterThanOrEqual(0);
      expect(Object.keys(eventLoop).sort()).toEqual([
        "maxDelayMs",
        "maxGcPauseMs",
        "maxHeldMs",
        "maxWaitMs",
        "p99DelayMs",
      ]);
      expect(eventLoop.maxHeldMs).toBeGreaterThanOrEqual(35);
    } finally {
      await db.$disconnect();
    }
  });
});
