import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/'s folders, lowest first: a folder imports only from folders on a lower line (never its own line's
// neighbours, never above). docs/architecture.md draws the same diagram.
const LAYERS = [
  ["contract", "clock", "config", "metrics"],
  ["log", "db", "ids"],
  ["redis", "context", "secrets"],
  ["http"],
  ["objects", "request-log"],
  ["keys", "events"],
  ["accounts", "applications", "payments"],
  ["webhooks", "maintenance"],
  ["route", "openapi", "sdk", "monitoring"],
];

const ROOT = process.cwd();
const layerOf = new Map(LAYERS.flatMap((folders, layer) => folders.map((folder) => [folder, layer] as const)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The repository-relative module paths a file imports (aliases and relative paths resolved). */
function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].flatMap(([, spec = ""]) => {
    if (spec.startsWith("@/")) return [spec.slice(2)];
    if (spec.startsWith(".")) return [path.relative(ROOT, path.resolve(path.dirname(file), spec))];
    return [];
  });
}

describe("layers", () => {
  it("lists every folder (and top-level module) of lib/ in exactly one layer", () => {
    const folders = readdirSync(path.join(ROOT, "lib"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || /^[^.]+\.ts$/.test(entry.name))
      .map((entry) => entry.name.replace(/\.ts$/, ""));
    expect([...folders].sort()).toEqual([...layerOf.keys()].sort());
  });

  it("imports only from lower layers in lib/", () => {
    const upward: string[] = [];
    for (const file of sources(path.join(ROOT, "lib"))) {
      const [, folder = ""] = path
        .relative(ROOT, file)
        .replace(/\.tsx?$/, "")
        .split(path.sep);
      for (const target of importsOf(file)) {
        const [top, other = ""] = target.split("/");
        if (top !== "lib" || other === folder) continue;
        const name = other.replace(/\.tsx?$/, "");
        if (!((layerOf.get(name) ?? Infinity) < (layerOf.get(folder) ?? -Infinity))) {
          upward.push(`${path.relative(ROOT, file)} imports lib/${name}`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it("keeps tooling and test support out of the app", () => {
    const app = ["lib", "app", "components"].flatMap((dir) => sources(path.join(ROOT, dir)));
    const leaks = app.flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(tools|test)\//.test(target))
        .map((target) => `${path.relative(ROOT, file)} imports ${target}`),
    );
    expect(leaks).toEqual([]);
  });
});
