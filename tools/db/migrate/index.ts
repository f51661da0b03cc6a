// Migrations on Prisma's WebAssembly schema engine: `prisma migrate` needs a native engine these machines
// cannot download. The history is Prisma's own `_prisma_migrations`, so the Prisma CLI agrees with it.
import { config } from "@/lib/config";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { DiffTarget } from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DbEngine } from "@/lib/db/engines";
import { MigrateError } from "./errors";
import { migrationTimestamp, readMigrationsList, writeMigration } from "./history";
import {
  ENGINES,
  NO_FILTERS,
  databaseAdapterFactory,
  databaseTarget,
  displayPath,
  pathsFor,
  readSchemaFile,
  scratchAdapterFactory,
  staleVariantProblem,
  withSchemaEngine,
  type MigrateOptions,
} from "./session";
import { diffSummary, historyProblems, unmigratedSchemaProblem } from "./status";
import { engineErrorMessage } from "./wasm-engine";

export { MigrateError } from "./errors";
export type { MigrateOptions, MigrationPaths } from "./session";

/**
 * Applies the pending migrations of the engine `url` selects (default DATABASE_URL; SQLite when unset), creating
 * the SQLite file and its folder if needed. Idempotent; returns the names of the migrations it applied.
 */
export async function applyMigrations(
  url: string | undefined = config.DATABASE_URL,
  options: MigrateOptions = {},
): Promise<{ engine: DbEngine; applied: string[] }> {
  const target = databaseTarget(url);
  const paths = pathsFor(target.engine, options);
  if (target.engine === "sqlite") mkdirSync(path.dirname(target.file), { recursive: true });
  const migrationsList = readMigrationsList(paths.migrations);
  const { appliedMigrationNames } = await withSchemaEngine(
    readSchemaFile(paths.schema),
    databaseAdapterFactory(target, options),
    async (engine) => {
      try {
        return await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      } catch (error) {
        // The engine's message is the database's error alone: name the migration it came from.
        const { failedMigrationNames } = await engine
          .diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS })
          .catch(() => ({ failedMigrationNames: [] }));
        const message = engineErrorMessage(error);
        const named = failedMigrationNames.some((name) => message.includes(name));
        if (failedMigrationNames.length === 0 || named) throw error;
        throw new MigrateError(`migration ${failedMigrationNames.join(", ")} failed: ${message}`);
      }
    },
  );
  return { engine: target.engine, applied: appliedMigrationNames };
}

/**
 * What stands between the database at `url` and the schema: unapplied, missing, edited or failed migrations,
 * drift of the database from its history, and, for each engine, schema changes that have no migration.
 */
export async function migrationStatus(
  url: string | undefined = config.DATABASE_URL,
  options: MigrateOptions = {},
): Promise<{ ok: boolean; problems: string[] }> {
  const target = databaseTarget(url);
  const problems: string[] = [];

  const paths = pathsFor(target.engine, options);
  const migrationsList = readMigrationsList(paths.migrations);
  if (target.engine === "sqlite" && !existsSync(target.file)) {
    problems.push(`the SQLite database ${displayPath(target.file)} does not exist: run \`npm run db:migrate\``);
  } else {
    const schema = readSchemaFile(paths.schema);
    await withSchemaEngine(schema, databaseAdapterFactory(target, options), async (engine) => {
      problems.push(...(await historyProblems(engine, migrationsList, paths.migrations)));
      if (problems.length > 0) return; // drift would only repeat the migrations listed above
      const database: DiffTarget = { tag: "schemaDatasource", files: [schema], configDir: path.dirname(schema.path) };
      const drift = await diffSummary(engine, { tag: "migrations", ...migrationsList }, database);
      if (drift) problems.push(`the database has drifted from its migration history:\n${drift}`);
    });
  }

  for (const engine of options.checkedEngines ?? ENGINES) {
    const stale = staleVariantProblem(engine, options);
    problems.push(...(stale ? [stale] : await unmigratedSchemaProblem(engine, options)));
  }
  return { ok: problems.length === 0, problems };
}

/**
 * Writes `<timestamp>_<name>/migration.sql` for each engine whose schema variant has changes since its last
 * migration, with the same folder name for both; returns the files written (none when nothing changed).
 */
export async function createMigration(name: string, options: MigrateOptions = {}): Promise<string[]> {
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw new MigrateError(`a migration name may hold only letters, digits and underscores (got "${name}")`);
  }
  const stale = ENGINES.map((engine) => staleVariantProblem(engine, options)).filter(Boolean);
  if (stale.length > 0) throw new MigrateError(stale.join("\n"));
  const folderName = `${migrationTimestamp()}_${name}`;
  const drafts: { migrationsDir: string; script: string; connectorType: string }[] = [];
  for (const engine of ENGINES) {
    const paths = pathsFor(engine, options);
    const schema = readSchemaFile(paths.schema);
    const migrationsList = readMigrationsList(paths.migrations);
    const created = await withSchemaEngine(schema, scratchAdapterFactory(engine, options), async (schemaEngine) => {
      // The scratch database stands for a developer's database that is up to date with the history. (The
      // SQLite flavour also errors in devDiagnostic when the history table does not exist yet.)
      await schemaEngine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      const { action } = await schemaEngine.devDiagnostic({ migrationsList, filters: NO_FILTERS });
      if (action.tag === "reset") {
        throw new MigrateError(`the ${engine} migration history cannot be replayed: ${action.reason}`);
      }
      return schemaEngine.createMigration({
        draft: false,
        migrationName: name,
        migrationsList,
        schema: { files: [schema] },
        filters: NO_FILTERS,
      });
    });
    if (created.migrationScript !== null) {
      const { migrationScript: script, connectorType } = created;
      drafts.push({ migrationsDir: paths.migrations, script, connectorType });
    }
  }
  // Written only once both engines produced their script, so a failure leaves no half-made migration.
  return drafts.map((draft) => writeMigration(draft.migrationsDir, folderName, draft.script, draft.connectorType));
}
