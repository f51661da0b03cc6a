import type { TestProject } from "vitest/node";
import { config } from "@/lib/config";
import { applyMigrations } from "@/tools/db/migrate";
import { createTestDatabase, type TestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let database: TestDatabase | undefined;

// Each run gets its own fresh database, migrated from the committed migrations alone.
export async function setup(project: TestProject) {
  const engine = config.TEST_DB_ENGINE;
  database = await createTestDatabase(engine, config.TEST_DATABASE_URL_PG);
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  console.log(`vitest: testing on ${engine}`);
}

export async function teardown() {
  await database?.drop();
}
