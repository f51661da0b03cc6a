// Writes both schema variants and generates both engine-free clients. Runs at `npm install` (postinstall).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, schemaPaths, type DbEngine } from "@/lib/db/engines";
import { renderSchemaVariant } from "./schema-variants";

const engines: DbEngine[] = ["sqlite", "postgresql"];
const source = readFileSync(schemaPaths.source, "utf8");

for (const engine of engines) {
  const file = schemaPaths.variant(engine);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderSchemaVariant(source, engine));
  execFileSync(path.join(PROJECT_ROOT, "node_modules", ".bin", "prisma"), ["generate", "--schema", file], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    // `prisma generate` never runs the schema engine, but the CLI insists that one exists: any executable will do.
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  console.log(`db:generate: ${path.relative(PROJECT_ROOT, file)} and its client are up to date`);
}
