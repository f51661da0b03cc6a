import path from "node:path";

/** The two database engines the app runs on, chosen from DATABASE_URL. */
export type DbEngine = "sqlite" | "postgresql";

// Every entry point (npm scripts, `next start`, Vitest, Playwright) runs from the project root; bundled server
// code has no reliable import.meta.dirname.
export const PROJECT_ROOT = process.cwd();
export const DEFAULT_SQLITE_FILE = path.join(/* turbopackIgnore: true */ PROJECT_ROOT, ".data", "merchant-console.db");

export function engineOf(url: string | undefined): DbEngine {
  if (!url) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or file: (got "${url.split(":")[0]}:…")`);
}

/** Filesystem path of an SQLite URL (`file:relative/or/absolute.db`), or the default file. */
export function sqliteFileOf(url: string | undefined): string {
  if (!url) return DEFAULT_SQLITE_FILE;
  const file = url.replace(/^file:(\/\/)?/, "");
  return path.isAbsolute(file) ? file : path.join(/* turbopackIgnore: true */ PROJECT_ROOT, file);
}

export const schemaPaths = {
  source: path.join(/* turbopackIgnore: true */ PROJECT_ROOT, "prisma", "schema.prisma"),
  variant: (engine: DbEngine) => path.join(/* turbopackIgnore: true */ PROJECT_ROOT, "prisma", engine, "schema.prisma"),
  migrations: (engine: DbEngine) => path.join(/* turbopackIgnore: true */ PROJECT_ROOT, "prisma", engine, "migrations"),
};
