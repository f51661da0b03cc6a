// The bench's key-list scenario (tools/bench/run.ts runs it; `npx tsx tools/bench/key-list.ts` runs it alone on a
// fresh bench database after `npm run build`): one merchant with 10,000 keys, and the dashboard's API keys list
// (GET /api/v1/api-keys, a signed-in owner's session) asked for its first page, a search and a page deep in the
// list, one request at a time. It prints each one's latency p50/p99 against the 50 ms target, the queries per
// request (tools/bench/instrument.mjs), and SQLite's plan for the page's query (it must use the list's index).
import { DATABASE_URL } from "./database";
import { pathToFileURL } from "node:url";
import { median } from "./measure";
import type { Scenario } from "./scenario";

const KEYS = 10_000;
const REQUESTS = 200;
const WARMUP = 20;
const PAGE = 20;
const TARGET_MS = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function seedMerchant() {
  const { db } = await import("@/lib/db");
  const { createApplication, createMerchant, signIn } = await import("@/test/support/fixtures");
  const { seedKeys } = await import("./seed-keys");
  const merchantId = (await createMerchant("key list")).id;
  const applicationId = (await createApplication(merchantId)).id;
  await seedKeys(db, { count: KEYS, merchantId, applicationId });
  const { cookie } = await signIn({ merchantId, role: "owner" });
  const deep = await db.apiKey.findMany({
    where: { merchantId, mode: "test" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: KEYS / 2,
    take: 1,
    select: { id: true },
  });
  // The page's query as Prisma sends it, minus the columns: what SQLite does with the (merchantId, mode, createdAt, id) index.
  const plan = (await db.$queryRawUnsafe(
    `EXPLAIN QUERY PLAN SELECT "id" FROM "ApiKey" WHERE "merchantId" = ? AND "mode" = 'test' ORDER BY "createdAt" DESC, "id" DESC LIMIT ${PAGE + 1}`,
    merchantId,
  )) as Array<{ detail: string }>;
  await db.$disconnect();
  return { cookie, deepCursor: deep[0]?.id ?? "", plan: plan.map((row) => row.detail).join("; ") };
}

/** Sequential requests (after a warm-up): the latency a person waits for, not a throughput. */
async function time(url: string, cookie: string, counts: () => Promise<{ queries: number }>) {
  const get = async () => {
    const response = await fetch(url, { headers: { Cookie: cookie } });
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ items: unknown[] }>;
  };
  for (let i = 0; i < WARMUP; i += 1) await get();
  const before = (await counts()).queries;
  const samples: number[] = [];
  let items = 0;
  for (let i = 0; i < REQUESTS; i += 1) {
    const started = performance.now();
    items = (await get()).items.length;
    samples.push(performance.now() - started);
  }
  const queries = ((await counts()).queries - before) / REQUESTS;
  samples.sort((a, b) => a - b);
  return { p50: median(samples), p99: percentile(samples, 99), queries, items };
}

export async function keyListBench(): Promise<string> {
  const { cookie, deepCursor, plan } = await seedMerchant();
  const { startBenchServer } = await import("./measure");
  const server = await startBenchServer({ DATABASE_URL }, ".data/bench-key-list-server.log");
  try {
    const list = `${server.url}/api/v1/api-keys?mode=test&limit=${PAGE}`;
    const cases = [
      ["first page", list],
      ["search (name)", `${list}&q=${encodeURIComponent("many keys 9999")}`],
      ["page 250 (cursor)", `${list}&starting_after=${deepCursor}`],
    ] as const;
    const results = [];
    for (const [name, url] of cases) results.push({ name, ...(await time(url, cookie, server.counts)) });
    console.log(
      `\nKey list: GET /api/v1/api-keys (owner's session, limit ${PAGE}) of a merchant with ` +
        `${KEYS.toLocaleString("en")} keys, ${REQUESTS} sequential requests each after ${WARMUP} warm-up (SQLite)\n`,
    );
    console.log("| request | keys | p50 | p99 | queries / request | target |");
    console.log("|---|---|---|---|---|---|");
    for (const r of results) {
      const verdict = r.p99 <= TARGET_MS ? "met" : "MISSED";
      console.log(
        `| ${r.name} | ${r.items} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.queries.toFixed(1)} | p99 ≤ ${TARGET_MS} ms: ${verdict} |`,
      );
    }
    console.log(`\nSQLite's plan for the page: ${plan}`);
    const first = results[0]!;
    return `key list: first page of ${KEYS.toLocaleString("en")} keys p50 ${first.p50.toFixed(1)} ms, p99 ${first.p99.toFixed(1)} ms (target ≤ ${TARGET_MS} ms)`;
  } finally {
    await server.stop("SIGTERM");
  }
}

export const keyListScenario: Scenario = { name: "key list", run: keyListBench };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { applyMigrations } = await import("../db/migrate");
  await applyMigrations(DATABASE_URL);
  await keyListBench();
  process.exit(0);
}
