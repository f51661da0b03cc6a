// The checks behind migrationStatus, each turning the engine's findings into human-readable lines.
import type { DbEngine } from "@/lib/db/engines";
import type { DiffTarget, MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { MigrateError } from "./errors";
import { readMigrationsList } from "./history";
import {
  NO_FILTERS,
  displayPath,
  pathsFor,
  readSchemaFile,
  scratchAdapterFactory,
  withSchemaEngine,
  type MigrateOptions,
} from "./session";
import type { SchemaEngine } from "./wasm-engine";

const DIFF_NOT_EMPTY = 2; // the engine's exit code for a non-empty diff when asked for one

/** The engine's human-readable summary of what changes from `from` to `to`, indented; "" when nothing does. */
export async function diffSummary(engine: SchemaEngine, from: DiffTarget, to: DiffTarget): Promise<string> {
  const result = await engine.diff({ from, to, script: false, exitCode: true, filters: NO_FILTERS });
  if (result.exitCode !== DIFF_NOT_EMPTY) return "";
  return (result.stdout ?? "")
    .trim()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

function isMissingHistoryTable(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    error.code === "P1014" &&
    String(error).includes("_prisma_migrations")
  );
}

/** Unapplied, unknown, edited and failed migrations of the engine's database. */
export async function historyProblems(
  engine: SchemaEngine,
  migrationsList: MigrationList,
  migrationsDir: string,
): Promise<string[]> {
  const noHistory = "the database has no migration history (no _prisma_migrations table): run `npm run db:migrate`";
  const unapplied = (name: string) => `migration ${name} is not applied to the database: run \`npm run db:migrate\``;
  const unknown = (name: string) =>
    `migration ${name} is applied to the database but missing from ${displayPath(migrationsDir)}`;

  let diagnosis;
  try {
    diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
  } catch (error) {
    // On SQLite the wasm engine fails here instead of reporting `hasMigrationsTable: false`.
    if (!isMissingHistoryTable(error)) throw error;
    return [noHistory, ...migrationsList.migrationDirectories.map((directory) => unapplied(directory.path))];
  }

  const problems = diagnosis.hasMigrationsTable ? [] : [noHistory];
  const history = diagnosis.history;
  if (history?.diagnostic === "databaseIsBehind" || history?.diagnostic === "historiesDiverge") {
    problems.push(...history.unappliedMigrationNames.map(unapplied));
  }
  if (history?.diagnostic === "migrationsDirectoryIsBehind" || history?.diagnostic === "historiesDiverge") {
    problems.push(...history.unpersistedMigrationNames.map(unknown));
  }
  problems.push(
    ...diagnosis.editedMigrationNames.map(
      (name) => `migration ${name} was edited after it was applied (its checksum differs from the database's)`,
    ),
    ...diagnosis.failedMigrationNames.map(
      (name) => `migration ${name} failed when it was applied: repair the database, then mark it rolled back`,
    ),
  );
  return problems;
}

/** The engine's schema variant compared with what its migrations produce, on scratch databases. */
export async function unmigratedSchemaProblem(engine: DbEngine, options: MigrateOptions): Promise<string[]> {
  const paths = pathsFor(engine, options);
  const schema = readSchemaFile(paths.schema);
  const migrationsList = readMigrationsList(paths.migrations);
  const from: DiffTarget =
    migrationsList.migrationDirectories.length > 0 ? { tag: "migrations", ...migrationsList } : { tag: "empty" };
  try {
    const summary = await withSchemaEngine(schema, scratchAdapterFactory(engine, options), (schemaEngine) =>
      diffSummary(schemaEngine, from, { tag: "schemaDatamodel", files: [schema] }),
    );
    if (!summary) return [];
    const advice = "run `npm run db:migrate:create -- <name>`";
    return [`${displayPath(paths.schema)} has changes with no migration: ${advice}\n${summary}`];
  } catch (error) {
    if (!(error instanceof MigrateError)) throw error;
    return [`cannot check ${displayPath(paths.schema)} for changes with no migration: ${error.message}`];
  }
}
