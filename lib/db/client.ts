import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { config } from "../config";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { engineOf, sqliteFileOf, type DbEngine } from "./engines";
import { queryObserver } from "./query-observer";

/** The one client type application code sees; both generated clients have the same models. */
export type Db = InstanceType<typeof SqliteClient>;

export interface DbHandle {
  engine: DbEngine;
  db: Db;
}

/** WAL with synchronous=FULL on every connection: a committed write survives a power cut. */
function durableSqlite(url: string): SqlMigrationAwareDriverAdapterFactory {
  const file = sqliteFileOf(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const inner = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const prepare = async (adapter: SqlDriverAdapter) => {
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => prepare(await inner.connect()),
    connectToShadowDb: async () => prepare(await inner.connectToShadowDb()),
  };
}

export function createDb(url: string | undefined = config.DATABASE_URL): DbHandle {
  const engine = engineOf(url);
  // Only the bench and the tests install one (see query-observer.ts); checked here, once per client.
  const observe = queryObserver();
  const log = observe ? [{ emit: "event" as const, level: "query" as const }] : [];
  // "minimal": an error's message is the database's own sentence, without the colored code frame Prisma adds by
  // default (which quotes the calling source, spans lines and escapes into the JSON log).
  const errorFormat = "minimal" as const;
  const db =
    engine === "postgresql"
      ? // The PostgreSQL client is structurally the same API; only its generated nominal types differ.
        (new PostgresClient({
          adapter: new PrismaPg({ connectionString: url, max: 10 }),
          log,
          errorFormat,
        }) as unknown as Db)
      : new SqliteClient({ adapter: durableSqlite(url ?? ""), log, errorFormat });
  if (observe) {
    (db as unknown as { $on(event: "query", cb: (event: { query: string }) => void): void }).$on("query", (event) =>
      observe(event.query),
    );
  }
  return { engine, db };
}
