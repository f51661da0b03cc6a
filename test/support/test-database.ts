import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Replaces the database name of a PostgreSQL server URL. */
export function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A brand-new, empty database that only this test run uses; `drop()` removes it. */
export async function createTestDatabase(engine: "sqlite" | "postgresql", pgServerUrl?: string): Promise<TestDatabase> {
  const name = `mc_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  if (engine === "sqlite") {
    const file = path.join(os.tmpdir(), `${name}.db`);
    return {
      url: `file:${file}`,
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
      },
    };
  }
  if (!pgServerUrl) throw new Error("TEST_DATABASE_URL_PG is required to test on PostgreSQL");
  const admin = new pg.Client({ connectionString: pgServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabaseName(pgServerUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: pgServerUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
