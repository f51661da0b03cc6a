import { config } from "@/lib/config";
import { createHash, randomBytes } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { schemaPaths, type DbEngine } from "@/lib/db/engines";
import { databaseUrl, postgresAdapterFactory, sqliteAdapterFactory } from "./adapters";
import { applyMigrations, createMigration, migrationStatus, type MigrateOptions, type MigrationPaths } from "./index";
import { readSchemaFile, withSchemaEngine } from "./session";
import { diffSummary } from "./status";

const PG_SERVER_URL = config.TEST_DATABASE_URL_PG;
const engines: DbEngine[] = PG_SERVER_URL ? ["sqlite", "postgresql"] : ["sqlite"];
// Without a PostgreSQL server only the SQLite schema can be checked for changes with no migration.
const baseOptions: MigrateOptions = { shadowServerUrl: PG_SERVER_URL, checkedEngines: engines };

/** An empty database of one engine that only this test uses, with a raw connection to look inside. */
interface ScratchDatabase {
  url: string;
  query(sql: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migrate-test-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function createDatabase(engine: DbEngine): Promise<ScratchDatabase> {
  if (engine === "sqlite") {
    const file = path.join(tempDir(), "nested", "test.db"); // the folder does not exist yet
    return {
      url: `file:${file}`,
      query: async (sql) => {
        const db = new Database(file, { readonly: true });
        try {
          return db.prepare(sql).all() as Record<string, unknown>[];
        } finally {
          db.close();
        }
      },
      drop: async () => {}, // the file goes with its temporary folder
    };
  }
  const serverUrl = PG_SERVER_URL ?? "";
  const name = `migrate_test_${randomBytes(6).toString("hex")}`;
  const onServer = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = databaseUrl(serverUrl, name);
  return {
    url,
    query: (sql) => onServer(url, sql),
    drop: async () => {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function databaseFor(engine: DbEngine): Promise<ScratchDatabase> {
  const database = await createDatabase(engine);
  cleanups.push(() => database.drop());
  return database;
}

const committed = (engine: DbEngine): MigrationPaths => ({
  schema: schemaPaths.variant(engine),
  migrations: schemaPaths.migrations(engine),
});

function committedMigrationNames(engine: DbEngine): string[] {
  return readdirSync(schemaPaths.migrations(engine), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A copy of the committed migrations folder that a test may edit. */
function copyOfMigrations(engine: DbEngine): string {
  const dir = path.join(tempDir(), "migrations");
  cpSync(schemaPaths.migrations(engine), dir, { recursive: true });
  return dir;
}

/** A copy of the engine's schema variant with one more model. */
function schemaWithWidget(engine: DbEngine): string {
  const file = path.join(tempDir(), "schema.prisma");
  writeFileSync(file, `${readFileSync(schemaPaths.variant(engine), "utf8")}\nmodel Widget {\n  id String @id\n}\n`);
  return file;
}

function addMigration(migrationsDir: string, name: string, sql: string): void {
  mkdirSync(path.join(migrationsDir, name));
  writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** What the engine would still have to change to make the database match the schema ("" when nothing). */
async function databaseToSchemaDiff(engine: DbEngine, url: string): Promise<string> {
  const schema = readSchemaFile(schemaPaths.variant(engine));
  const sqliteFile = url.replace(/^file:/, "");
  if (engine === "sqlite") mkdirSync(path.dirname(sqliteFile), { recursive: true });
  const factory =
    engine === "sqlite"
      ? sqliteAdapterFactory(sqliteFile)
      : postgresAdapterFactory({ url, shadowServerUrl: PG_SERVER_URL ?? url });
  return withSchemaEngine(schema, factory, (schemaEngine) =>
    diffSummary(
      schemaEngine,
      { tag: "schemaDatasource", files: [schema], configDir: path.dirname(schema.path) },
      { tag: "schemaDatamodel", files: [schema] },
    ),
  );
}

describe.each(engines)("migrations on %s", (engine) => {
  it("applies every committed migration to an empty database with Prisma's checksums, then nothing", async () => {
    const database = await databaseFor(engine);
    const names = committedMigrationNames(engine);
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations(database.url, baseOptions)).toEqual({ engine, applied: names });

    const [apiKeys] = await database.query(`SELECT COUNT(*) AS "count" FROM "ApiKey"`);
    expect(Number(apiKeys?.count)).toBe(0);
    const history = await database.query(
      `SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(history.map((row) => row.migration_name)).toEqual(names);
    for (const row of history) {
      const file = path.join(schemaPaths.migrations(engine), String(row.migration_name), "migration.sql");
      expect(row.checksum).toBe(sha256(readFileSync(file, "utf8")));
      expect(row.finished_at).not.toBeNull();
    }

    expect(await applyMigrations(database.url, baseOptions)).toEqual({ engine, applied: [] });
  });

  it("reaches exactly the schema from the committed migrations alone", async () => {
    const database = await databaseFor(engine);
    expect(await databaseToSchemaDiff(engine, database.url)).toMatch(/ApiKey/); // the check can fail
    await applyMigrations(database.url, baseOptions);
    expect(await databaseToSchemaDiff(engine, database.url)).toBe("");
  });

  it("reports a clean status after migrating, and unapplied migrations before", async () => {
    const database = await databaseFor(engine);
    await applyMigrations(database.url, baseOptions);
    expect(await migrationStatus(database.url, baseOptions)).toEqual({ ok: true, problems: [] });

    const migrations = copyOfMigrations(engine);
    addMigration(migrations, "29990101000000_add_extra", `CREATE TABLE "Extra" ("id" TEXT NOT NULL PRIMARY KEY);\n`);
    const options: MigrateOptions = { ...baseOptions, paths: (e) => ({ ...committed(e), migrations }) };
    const status = await migrationStatus(database.url, options);
    expect(status.ok).toBe(false);
    expect(status.problems).toContainEqual(expect.stringMatching(/migration 29990101000000_add_extra is not applied/));
  });

  it("reports a migration edited after it was applied", async () => {
    const database = await databaseFor(engine);
    const migrations = copyOfMigrations(engine);
    const options: MigrateOptions = { ...baseOptions, paths: (e) => ({ ...committed(e), migrations }) };
    await applyMigrations(database.url, options);
    const [first] = committedMigrationNames(engine);
    appendFileSync(path.join(migrations, String(first), "migration.sql"), "\n-- edited after the fact\n");

    const status = await migrationStatus(database.url, options);
    expect(status.ok).toBe(false);
    expect(status.problems).toContainEqual(expect.stringMatching(new RegExp(`migration ${first} was edited`)));
  });

  it("reports a migration applied to the database but missing from the folder", async () => {
    const database = await databaseFor(engine);
    const migrations = copyOfMigrations(engine);
    addMigration(migrations, "29990101000000_add_extra", `CREATE TABLE "Extra" ("id" TEXT NOT NULL PRIMARY KEY);\n`);
    await applyMigrations(database.url, { ...baseOptions, paths: (e) => ({ ...committed(e), migrations }) });

    const status = await migrationStatus(database.url, baseOptions); // the committed folder lacks add_extra
    expect(status.ok).toBe(false);
    expect(status.problems).toContainEqual(
      expect.stringMatching(/migration 29990101000000_add_extra is applied to the database but missing/),
    );
  });

  it("reports a database that drifted from its migration history", async () => {
    const database = await databaseFor(engine);
    await applyMigrations(database.url, baseOptions);
    const raw = engine === "sqlite" ? new Database(database.url.replace(/^file:/, "")) : undefined;
    if (raw) {
      raw.exec(`CREATE TABLE "Stray" ("id" INTEGER)`);
      raw.close();
    } else {
      await database.query(`CREATE TABLE "Stray" ("id" INTEGER)`);
    }

    const status = await migrationStatus(database.url, baseOptions);
    expect(status.ok).toBe(false);
    expect(status.problems).toContainEqual(expect.stringMatching(/drifted from its migration history:[\s\S]*Stray/));
  });

  it("reports schema changes that have no migration", async () => {
    const database = await databaseFor(engine);
    await applyMigrations(database.url, baseOptions);
    const schema = schemaWithWidget(engine);
    const options: MigrateOptions = {
      ...baseOptions,
      checkedEngines: [engine],
      paths: (e) => ({ ...committed(e), schema }),
    };

    const status = await migrationStatus(database.url, options);
    expect(status.ok).toBe(false);
    expect(status.problems).toEqual([expect.stringMatching(/has changes with no migration[\s\S]*Widget/)]);
  });
});

describe.skipIf(!PG_SERVER_URL)("createMigration", () => {
  const copies = () => {
    const folders = { sqlite: copyOfMigrations("sqlite"), postgresql: copyOfMigrations("postgresql") };
    return { folders, paths: (e: DbEngine) => ({ ...committed(e), migrations: folders[e] }) };
  };

  it("writes nothing when the schema has no changes", async () => {
    const { folders, paths } = copies();
    expect(await createMigration("nothing", { ...baseOptions, paths })).toEqual([]);
    const expected = [...committedMigrationNames("sqlite"), "migration_lock.toml"].sort();
    expect(readdirSync(folders.sqlite).sort()).toEqual(expected);
  });

  it("writes the same new migration folder for both engines, which then migrates a database", async () => {
    const { folders, paths } = copies();
    const schemas = { sqlite: schemaWithWidget("sqlite"), postgresql: schemaWithWidget("postgresql") };
    const options: MigrateOptions = { ...baseOptions, paths: (e) => ({ ...paths(e), schema: schemas[e] }) };

    const written = await createMigration("add_widget", options);

    expect(written).toHaveLength(2);
    const [sqliteFile, postgresqlFile] = written;
    expect(path.relative(folders.sqlite, String(sqliteFile))).toMatch(/^\d{14}_add_widget\/migration\.sql$/);
    const sqliteMigration = path.relative(folders.sqlite, String(sqliteFile));
    expect(path.relative(folders.postgresql, String(postgresqlFile))).toBe(sqliteMigration);
    expect(readFileSync(String(postgresqlFile), "utf8")).toContain(`CREATE TABLE "Widget"`);

    const database = await databaseFor("postgresql");
    const { applied } = await applyMigrations(database.url, options);
    expect(applied.at(-1)).toMatch(/_add_widget$/);
    expect(await migrationStatus(database.url, options)).toEqual({ ok: true, problems: [] });
  });
});

it("createMigration refuses a name that is not a folder-safe word", async () => {
  await expect(createMigration("add widget", baseOptions)).rejects.toThrow(/letters, digits and underscores/);
});
