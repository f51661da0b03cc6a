// Which database, schema and migrations folder a command works on, and one engine's lifetime around it.
import { config } from "@/lib/config";
import { readFileSync } from "node:fs";
import path from "node:path";
import { engineOf, schemaPaths, sqliteFileOf, type DbEngine } from "@/lib/db/engines";
import { postgresAdapterFactory, sqliteAdapterFactory, type MigrationAdapterFactory } from "./adapters";
import { renderSchemaVariant } from "../schema-variants";
import { MigrateError } from "./errors";
import { engineErrorMessage, openSchemaEngine, type SchemaEngine, type SchemaFile } from "./wasm-engine";

export const ENGINES: readonly DbEngine[] = ["sqlite", "postgresql"];
export const NO_FILTERS = { externalTables: [], externalEnums: [] };
const DEFAULT_SHADOW_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface MigrationPaths {
  /** The engine's schema variant (prisma/<engine>/schema.prisma). */
  schema: string;
  /** The engine's migrations folder (prisma/<engine>/migrations). */
  migrations: string;
}

export interface MigrateOptions {
  /** Where each engine's schema and migrations are; defaults to the committed ones. Tests point it at copies. */
  paths?: (engine: DbEngine) => MigrationPaths;
  /** PostgreSQL server for temporary databases; defaults to MIGRATE_SHADOW_DATABASE_URL, else local `postgres`.
   * Migrating a PostgreSQL database without it puts its shadow databases on that database's own server. */
  shadowServerUrl?: string;
  /** Engines whose schema is checked for changes with no migration (migrationStatus); defaults to both. */
  checkedEngines?: readonly DbEngine[];
}

export function pathsFor(engine: DbEngine, options: MigrateOptions): MigrationPaths {
  return options.paths?.(engine) ?? { schema: schemaPaths.variant(engine), migrations: schemaPaths.migrations(engine) };
}

function configuredShadowServer(options: MigrateOptions): string | undefined {
  return options.shadowServerUrl ?? config.MIGRATE_SHADOW_DATABASE_URL;
}

/** The database a DATABASE_URL-style `url` names. */
export type DatabaseTarget = { engine: "sqlite"; file: string } | { engine: "postgresql"; url: string };

export function databaseTarget(url: string | undefined): DatabaseTarget {
  let engine: DbEngine;
  try {
    engine = engineOf(url);
  } catch (error) {
    throw new MigrateError(error instanceof Error ? error.message : String(error));
  }
  return engine === "postgresql" && url ? { engine, url } : { engine: "sqlite", file: sqliteFileOf(url) };
}

export function databaseAdapterFactory(target: DatabaseTarget, options: MigrateOptions): MigrationAdapterFactory {
  if (target.engine === "sqlite") return sqliteAdapterFactory(target.file);
  return postgresAdapterFactory({ url: target.url, shadowServerUrl: configuredShadowServer(options) ?? target.url });
}

/** Adapters on throwaway databases only (in-memory SQLite, temporary PostgreSQL databases): for diffs. */
export function scratchAdapterFactory(engine: DbEngine, options: MigrateOptions): MigrationAdapterFactory {
  if (engine === "sqlite") return sqliteAdapterFactory(":memory:");
  return postgresAdapterFactory({ shadowServerUrl: configuredShadowServer(options) ?? DEFAULT_SHADOW_SERVER_URL });
}

export function readSchemaFile(schemaPath: string): SchemaFile {
  try {
    return { path: schemaPath, content: readFileSync(schemaPath, "utf8") };
  } catch {
    throw new MigrateError(`cannot read ${displayPath(schemaPath)}: run \`npm run db:generate\` first`);
  }
}

/**
 * Runs `work` on an engine for `schema`, then frees it and closes every connection it opened (the engine
 * itself never does). Engine failures become MigrateErrors with the engine's message.
 */
export async function withSchemaEngine<T>(
  schema: SchemaFile,
  adapterFactory: MigrationAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  try {
    const engine = await openSchemaEngine(schema, adapterFactory);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    if (error instanceof MigrateError) throw error;
    throw new MigrateError(engineErrorMessage(error), { cause: error });
  } finally {
    await adapterFactory.close();
  }
}

/** Says so when a committed schema variant no longer matches prisma/schema.prisma (db:generate was not run). */
export function staleVariantProblem(engine: DbEngine, options: MigrateOptions): string | undefined {
  if (options.paths) return undefined;
  const expected = renderSchemaVariant(readFileSync(schemaPaths.source, "utf8"), engine);
  if (readSchemaFile(schemaPaths.variant(engine)).content === expected) return undefined;
  return `${displayPath(schemaPaths.variant(engine))} is older than prisma/schema.prisma: run \`npm run db:generate\``;
}

/** A path relative to the working directory when it is inside it, for messages. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
