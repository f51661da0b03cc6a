// Part of `npm run bench`: how long a change made through one instance takes to be in force on another. Two
// production servers on a fresh PostgreSQL database and Redis (the cluster suite's harness); the trials run in a
// child process of their own (tools/bench/propagation-trials.ts), whose app modules point at that database.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { config } from "@/lib/config";
import { createTestDatabase } from "@/test/support/test-database";
import { applyMigrations } from "../db/migrate";

export const PG_SERVER_URL = config.TEST_DATABASE_URL_PG ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const BENCH_REDIS_URL = config.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function propagationScenario(): Promise<void> {
  const database = await createTestDatabase("postgresql", PG_SERVER_URL).catch((error: Error) => {
    console.log(`\npropagation: skipped, PostgreSQL at ${PG_SERVER_URL} is not reachable (${error.message})`);
    return null;
  });
  if (!database) return;
  try {
    await applyMigrations(database.url);
    const child = spawn(process.execPath, ["--import", "tsx", "tools/bench/propagation-trials.ts"], {
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        TEST_REDIS_URL: BENCH_REDIS_URL,
        REDIS_URL: BENCH_REDIS_URL,
        REDIS_PREFIX: `mc_bench_${randomBytes(4).toString("hex")}:`,
        AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
        LOG_LEVEL: "warn",
      },
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0) console.log(`propagation: the trials exited with ${code}`);
  } finally {
    await database.drop();
  }
}
