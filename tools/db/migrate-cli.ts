// `tsx tools/db/migrate-cli.ts migrate | create <name> | status` (npm run db:migrate, db:migrate:create, db:status).
import { config } from "@/lib/config";
import path from "node:path";
import { applyMigrations, createMigration, MigrateError, migrationStatus } from "./migrate";

const USAGE = "usage: tsx tools/db/migrate-cli.ts migrate | create <name> | status";

async function run(command: string | undefined, args: string[]): Promise<number> {
  switch (command) {
    case "migrate": {
      const { engine, applied } = await applyMigrations();
      console.log(
        applied.length === 0
          ? `db:migrate: ${engine} database is up to date`
          : `db:migrate: applied to the ${engine} database:\n${applied.map((name) => `  ${name}`).join("\n")}`,
      );
      return 0;
    }
    case "create": {
      const [name, ...extra] = args;
      if (!name || extra.length > 0) throw new MigrateError("give one name: npm run db:migrate:create -- <name>");
      const written = await createMigration(name);
      console.log(
        written.length === 0
          ? "db:migrate:create: the schema has no changes since the last migration: nothing written"
          : `db:migrate:create: wrote\n${written.map((file) => `  ${path.relative(process.cwd(), file)}`).join("\n")}`,
      );
      return 0;
    }
    case "status": {
      const { ok, problems } = await migrationStatus();
      if (ok) {
        console.log("db:status: clean: the database, its migrations and the schema agree");
        return 0;
      }
      console.error(`db:status: ${problems.length} problem(s):`);
      for (const problem of problems) console.error(`- ${problem}`);
      return 1;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

try {
  process.exitCode = await run(process.argv[2], process.argv.slice(3));
} catch (error) {
  if (!(error instanceof MigrateError)) console.error(error);
  else if (config.DEBUG_MIGRATE) console.error(`db: ${error.message}\n`, error.cause ?? error);
  else console.error(`db: ${error.message}`);
  process.exitCode = 1;
}
// The engine and drivers can keep handles open (trap 4): every connection is closed by now, so leave.
process.exit();
