import { createDb, type DbHandle } from "./client";

export type { Db, DbHandle } from "./client";
export type { DbTx } from "./tx";
export { createDb } from "./client";
export { engineOf, type DbEngine } from "./engines";
export { migrationProblems, shippedMigrations, type ShippedMigration } from "./migrations";

// One client per process, kept across Next.js dev reloads. Constructing it opens no connection.
const globalForDb = globalThis as unknown as { merchantConsoleDb?: DbHandle };
export const dbHandle: DbHandle = (globalForDb.merchantConsoleDb ??= createDb());

/** The application's database client (SQLite by default, PostgreSQL when DATABASE_URL says so). */
export const db = dbHandle.db;
