// Driver adapter factories for the schema engine, with the fixes it needs on this stack:
// multi-statement scripts on SQLite, `"char"` columns on PostgreSQL, temporary shadow databases,
// and an explicit close() because the engine never disposes what it connects.
import { randomUUID } from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Disposes every adapter still open (and drops temporary databases). Safe to call twice. */
  close(): Promise<void>;
}

/** Hands out adapters whose dispose() is idempotent and remembered, so close() can finish the rest. */
class OpenAdapters {
  private readonly open = new Set<SqlDriverAdapter>();

  track(inner: SqlDriverAdapter, overrides: Partial<SqlDriverAdapter> = {}, afterDispose?: () => Promise<void>) {
    let disposed = false;
    const getConnectionInfo = inner.getConnectionInfo?.bind(inner);
    const adapter: SqlDriverAdapter = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      queryRaw: (query) => inner.queryRaw(query),
      executeRaw: (query) => inner.executeRaw(query),
      executeScript: (script) => inner.executeScript(script),
      startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
      ...(getConnectionInfo && { getConnectionInfo }),
      ...overrides,
      dispose: async () => {
        if (disposed) return;
        disposed = true;
        this.open.delete(adapter);
        try {
          await inner.dispose();
        } finally {
          await afterDispose?.();
        }
      },
    };
    this.open.add(adapter);
    return adapter;
  }

  async closeAll(): Promise<void> {
    const results = await Promise.allSettled([...this.open].map((adapter) => adapter.dispose()));
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
  }
}

// ---------- SQLite ----------

/** Trap 1: shadow replay sends a whole migration.sql through executeRaw, which better-sqlite3 refuses. */
function withScriptFallback(inner: SqlDriverAdapter): Partial<SqlDriverAdapter> {
  return {
    executeRaw: async (query) => {
      try {
        return await inner.executeRaw(query);
      } catch (error) {
        const isScript = error instanceof RangeError && error.message.includes("more than one statement");
        if (!isScript || query.args.length > 0) throw error;
        await inner.executeScript(query.sql); // prepare() failed, so nothing ran yet
        return 0;
      }
    },
  };
}

/**
 * SQLite at `file` (opened in WAL with synchronous = FULL, like the app's client), or in memory when `file` is
 * ":memory:". Shadow databases are in memory.
 */
export function sqliteAdapterFactory(file: string): MigrationAdapterFactory {
  const adapters = new OpenAdapters();
  const open = async (location: string) => {
    const inner = await new PrismaBetterSqlite3({ url: location }).connect();
    if (location !== ":memory:") await inner.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    return adapters.track(inner, withScriptFallback(inner));
  };
  return {
    provider: "sqlite",
    adapterName: "@prisma/adapter-better-sqlite3",
    connect: () => open(file),
    connectToShadowDb: () => open(":memory:"),
    close: () => adapters.closeAll(),
  };
}

// ---------- PostgreSQL ----------

const PG_CHAR_OID = 18; // the internal one-byte `"char"` type of pg_catalog columns
const PG_TEXT_OID = 25;

/** Trap 2: adapter-pg cannot map `"char"` result columns; relabel them text before it sees them. */
function reportCharAsText(rowDescription: unknown): void {
  if (typeof rowDescription !== "object" || rowDescription === null || !("fields" in rowDescription)) return;
  const fields: unknown = rowDescription.fields;
  if (!Array.isArray(fields)) return;
  for (const field of fields as unknown[]) {
    if (typeof field === "object" && field !== null && "dataTypeID" in field && field.dataTypeID === PG_CHAR_OID) {
      Object.assign(field, { dataTypeID: PG_TEXT_OID });
    }
  }
}

function charAsTextPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  pool.on("connect", (client) => client.connection.prependListener("rowDescription", reportCharAsText));
  return pool;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface PostgresAdapterOptions {
  /** The database to migrate; without it, connect() too gives a temporary database (for offline diffs). */
  url?: string;
  /** Server where temporary shadow databases are created and dropped. */
  shadowServerUrl: string;
}

/**
 * PostgreSQL through adapter-pg. Trap 3: adapter-pg's own connectToShadowDb replays the history on the MAIN
 * database when given a connection string, so shadows here are fresh databases, dropped on dispose.
 */
export function postgresAdapterFactory({ url, shadowServerUrl }: PostgresAdapterOptions): MigrationAdapterFactory {
  const adapters = new OpenAdapters();
  const open = async (connectionString: string, afterDispose?: () => Promise<void>) => {
    const inner = await new PrismaPg(charAsTextPool(connectionString), { disposeExternalPool: true }).connect();
    return adapters.track(inner, {}, afterDispose);
  };
  const openTemporary = async () => {
    const name = `migrate_shadow_${randomUUID().replaceAll("-", "")}`;
    await runOnServer(shadowServerUrl, `CREATE DATABASE "${name}"`);
    const dropDatabase = () => runOnServer(shadowServerUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    try {
      return await open(databaseUrl(shadowServerUrl, name), dropDatabase);
    } catch (error) {
      await dropDatabase();
      throw error;
    }
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => (url ? open(url) : openTemporary()),
    connectToShadowDb: openTemporary,
    close: () => adapters.closeAll(),
  };
}
