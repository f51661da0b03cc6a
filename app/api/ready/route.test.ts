import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { config, overrideConfigForTests, restoreConfigForTests } from "@/lib/config";
import { createDb, db, dbHandle, shippedMigrations } from "@/lib/db";
import { checkReadiness } from "@/lib/monitoring";
import { routeTestServer } from "@/test/support";
import { freePort } from "@/test/support/next-server";

const server = routeTestServer();
// A serving process has its database connection open; the first check of a new one also opens it.
beforeAll(() => db.$queryRaw`SELECT 1`);

const ready = () => fetch(`${server.url}/api/ready`);

async function notReady(response: Response): Promise<string> {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  const body = (await response.json()) as { error: { type: string; code: string; message: string; requestId: string } };
  expect(body.error).toMatchObject({ type: "api_error", code: "service_unavailable" });
  expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  return body.error.message;
}

// The newest migration this build ships, whose history row a test marks as rolled back (or edited) and restores.
const newest = () => shippedMigrations(dbHandle.engine).at(-1)!;

afterEach(async () => {
  restoreConfigForTests();
  const { name, checksum } = newest();
  await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL, checksum = ${checksum} WHERE migration_name = ${name}`;
});

describe("GET /api/ready", () => {
  it("answers 200 when the database answers and every shipped migration is applied", async () => {
    overrideConfigForTests({ REDIS_URL: undefined });
    const response = await ready();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok" } });
  });

  it.runIf(config.TEST_REDIS_URL)("checks Redis when REDIS_URL is set", async () => {
    overrideConfigForTests({ REDIS_URL: config.TEST_REDIS_URL });
    const response = await ready();
    expect(await response.json()).toEqual({
      status: "ready",
      checks: { database: "ok", migrations: "ok", redis: "ok" },
    });
  });

  it("answers 503 naming Redis when REDIS_URL is set and nothing answers there", async () => {
    overrideConfigForTests({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    expect(await notReady(await ready())).toBe("This instance is not ready: redis unreachable.");
  });

  it("answers 503 naming a shipped migration the database has not applied, or has applied from other SQL", async () => {
    overrideConfigForTests({ REDIS_URL: undefined });
    const { name } = newest();
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = finished_at WHERE migration_name = ${name}`;
    expect(await notReady(await ready())).toBe(`This instance is not ready: migrations ${name} not applied.`);

    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL, checksum = ${"0".repeat(64)} WHERE migration_name = ${name}`;
    expect(await notReady(await ready())).toBe(
      `This instance is not ready: migrations ${name} edited after it was applied.`,
    );
  });

  it("ignores a migration the database has and this build lacks: a newer version migrated first", async () => {
    overrideConfigForTests({ REDIS_URL: undefined });
    const name = "29991231000000_from_a_newer_version";
    await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
      VALUES (${randomUUID()}, ${"0".repeat(64)}, ${name}, CURRENT_TIMESTAMP, 1)`;
    try {
      expect((await ready()).status).toBe(200);
    } finally {
      await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${name}`;
    }
  });
});

describe("checkReadiness", () => {
  it("reports an unreachable database, and does not read its migrations", async () => {
    const unreachable = createDb(`postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`);
    try {
      const result = await checkReadiness({ ...unreachable, timeoutMs: 5000 });
      expect(result).toMatchObject({
        ready: false,
        checks: { database: "unreachable", migrations: "not checked: the database did not answer" },
      });
      expect(result.errors.database).toMatch(/^Raw query failed.*Can't reach database server/);
    } finally {
      await unreachable.db.$disconnect();
    }
  });
});
