import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "./client";
import { schemaPaths, type DbEngine } from "./engines";

/** A migration of the migrations folder: its folder name and the checksum Prisma records (SHA-256 of the SQL). */
export interface ShippedMigration {
  name: string;
  checksum: string;
}

const shipped = new Map<DbEngine, readonly ShippedMigration[]>();

/** The migrations this build ships for an engine, read once per process (the folder does not change under it). */
export function shippedMigrations(engine: DbEngine): readonly ShippedMigration[] {
  let list = shipped.get(engine);
  if (list === undefined) {
    const dir = schemaPaths.migrations(engine);
    list = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
      .map((entry) => entry.name)
      .sort()
      .map((name) => ({
        name,
        checksum: createHash("sha256")
          .update(readFileSync(path.join(dir, name, "migration.sql")))
          .digest("hex"),
      }));
    shipped.set(engine, list);
  }
  return list;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/**
 * What keeps the database from matching the migrations this build ships, from Prisma's `_prisma_migrations` (the table
 * `npm run db:migrate` writes): each shipped migration must be applied, unedited, and none may have failed. A
 * migration the database has and this build lacks is no problem: during a rolling deploy the new version migrates
 * while the old one still serves. `[]`: up to date. Throws when the database cannot be read.
 */
export async function migrationProblems(db: Db, expected: readonly ShippedMigration[]): Promise<string[]> {
  let rows: HistoryRow[];
  try {
    rows = await db.$queryRaw<HistoryRow[]>`
      SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations`;
  } catch (error) {
    if (/_prisma_migrations/.test(String((error as Error).message))) return ["no migration history: run db:migrate"];
    throw error;
  }
  const applied = new Map<string, string>();
  const failed = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) failed.add(row.migration_name);
    else applied.set(row.migration_name, row.checksum);
  }
  return expected.flatMap(({ name, checksum }) => {
    if (failed.has(name) && !applied.has(name)) return [`${name} failed`];
    const recorded = applied.get(name);
    if (recorded === undefined) return [`${name} not applied`];
    return recorded === checksum ? [] : [`${name} edited after it was applied`];
  });
}
