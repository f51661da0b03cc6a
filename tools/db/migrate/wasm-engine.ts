// Prisma's WebAssembly schema engine, loaded by hand: the package root does `import * as wasm from "./x.wasm"`,
// which Node cannot load, so we instantiate the .wasm ourselves and hand it to the package's JS glue.
import { config } from "@/lib/config";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

export type { SchemaEngine };

/** A schema file as the engine takes it: its path (used in error messages) and its text. */
export interface SchemaFile {
  path: string;
  content: string;
}

let engineClass: typeof glue.SchemaEngine | undefined;
let lastPanic: string | undefined;

function loadEngineClass(): typeof glue.SchemaEngine {
  if (engineClass) return engineClass;
  const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": glue });
  // The glue reports a Rust panic through this global before the wasm call traps.
  const panicRegistry = { set_message: (message: string) => (lastPanic = message) };
  Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: panicRegistry });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start !== "function") throw new Error("@prisma/schema-engine-wasm has no __wbindgen_start export");
  start();
  engineClass = glue.SchemaEngine;
  return engineClass;
}

/** The human part of an engine error: its messages end in a Rust span trace ("   0: schema_engine…"). */
export function engineErrorMessage(error: unknown): string {
  if (error instanceof WebAssembly.RuntimeError && lastPanic) return `the schema engine panicked: ${lastPanic}`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\n\s+0: /)[0]?.trim() ?? message;
}

/** Opens an engine on one schema, talking to the databases that `adapterFactory` connects to. */
export async function openSchemaEngine(
  schema: SchemaFile,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  const SchemaEngineClass = loadEngineClass();
  const log = (line: string) => {
    if (config.DEBUG_MIGRATE) console.error(`[schema-engine] ${line}`);
  };
  return SchemaEngineClass.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
