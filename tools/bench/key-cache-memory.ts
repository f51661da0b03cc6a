// The key cache's memory per entry: `npx tsx --expose-gc tools/bench/key-cache-memory.ts [entries]` (20,000 by
// default). It seeds that many keys into a fresh SQLite file, loads each through the verifier's own query into a
// KeyCache, as cache misses do in the server, and compares the heap used after a full GC before and after. Prints a
// JSON line: { entries, bytesPerEntry, heapBytes }. tools/bench/many-keys.ts runs it.
import { rmSync } from "node:fs";

const FILE = ".data/key-cache-memory.db";
for (const suffix of ["", "-wal", "-shm"]) rmSync(FILE + suffix, { force: true });
process.env.DATABASE_URL = `file:${FILE}`; // before lib/config is first imported (below, dynamically)

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc: `npx tsx --expose-gc tools/bench/key-cache-memory.ts`");
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const entries = Number(process.argv[2] ?? 20_000);
const { applyMigrations } = await import("../db/migrate");
await applyMigrations(process.env.DATABASE_URL);
const { db } = await import("@/lib/db");
const { hashSecret, loadKey } = await import("@/lib/keys");
const { KeyCache } = await import("@/lib/keys/cache");
const { createApplication, createMerchant } = await import("@/test/support/fixtures");
const { seedKeys } = await import("./seed-keys");

const merchantId = (await createMerchant()).id;
const applicationId = (await createApplication(merchantId)).id;
const secrets = await seedKeys(db, { count: entries + 1000, merchantId, applicationId });
const fill = async (cache: InstanceType<typeof KeyCache>, list: string[]) => {
  for (const secret of list) {
    const hash = hashSecret(secret);
    await cache.get(hash, () => loadKey(db, hash));
  }
};
const options = { maxEntries: entries, ttlMs: 3_600_000, negativeTtlMs: 10_000 };
// Warm Prisma up (its query plans, the connection) on keys the measured cache never holds.
await fill(new KeyCache(options), secrets.slice(entries));

const cache = new KeyCache(options);
const before = heapAfterGc();
await fill(cache, secrets.slice(0, entries));
const heapBytes = heapAfterGc() - before;
if (cache.size !== entries) throw new Error(`the cache holds ${cache.size} entries, not ${entries}`);
console.log(JSON.stringify({ entries, bytesPerEntry: Math.round(heapBytes / entries), heapBytes }));
await db.$disconnect();
process.exit(0);
