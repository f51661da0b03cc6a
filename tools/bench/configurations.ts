// The setups the bench's route table runs on: (a) the embedded default, SQLite with the in-process rate limiter, and
// (b) the one for several processes, PostgreSQL with the limits shared through Redis.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { config } from "@/lib/config";
import { createTestDatabase } from "@/test/support/test-database";
import { DATABASE_URL as SQLITE_URL } from "./database";

export interface Prepared {
  /** What the server runs with (DATABASE_URL, REDIS_URL, REDIS_PREFIX; `undefined`: unset). */
  env: Record<string, string | undefined>;
  /** The bench key's secret. */
  secret: string;
  cleanup(): Promise<void>;
}

export interface Configuration {
  /** As the tables are titled: "(a) SQLite, in-process rate limiter". */
  name: string;
  /** A fresh, seeded database (and whatever else it needs), or why this machine cannot run it. */
  prepare(): Promise<Prepared | { skipped: string }>;
}

const run = promisify(execFile);

/** Migrates and seeds the database in a process of its own (the app's client is chosen once per process). */
export async function seed(databaseUrl: string): Promise<string> {
  const script = new URL("./seed.ts", import.meta.url).pathname;
  const env = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: undefined, LOG_LEVEL: "warn" };
  const { stdout } = await run(process.execPath, ["--import", "tsx", script], { env, encoding: "utf8" });
  return (JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { secret: string }).secret;
}

/** Whether Redis answers PING at `url`, and why not. */
async function redisUnreachable(url: string): Promise<string | null> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null }); // prettier-ignore
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    client.disconnect();
  }
}

export const inProcess: Configuration = {
  name: "(a) SQLite, in-process rate limiter",
  async prepare() {
    const secret = await seed(SQLITE_URL);
    return { env: { DATABASE_URL: SQLITE_URL, REDIS_URL: undefined }, secret, cleanup: async () => {} };
  },
};

export const postgresRedis: Configuration = {
  name: "(b) PostgreSQL, rate limits shared through Redis",
  async prepare() {
    const server = config.BENCH_DATABASE_URL_PG ?? config.TEST_DATABASE_URL_PG ?? "postgresql://postgres@127.0.0.1:5432/postgres"; // prettier-ignore
    const redisUrl = config.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
    const down = await redisUnreachable(redisUrl);
    if (down) return { skipped: `Redis is unreachable (${down})` };
    const database = await createTestDatabase("postgresql", server).catch((error: Error) => error);
    if (database instanceof Error) return { skipped: `PostgreSQL is unreachable (${database.message})` };
    try {
      const secret = await seed(database.url);
      // A prefix of this run's own: the bench never shares a bucket with the tests or another run.
      const prefix = `bench:${randomBytes(4).toString("hex")}:`;
      const env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_PREFIX: prefix };
      return { env, secret, cleanup: () => database.drop() };
    } catch (error) {
      await database.drop();
      throw error;
    }
  },
};
