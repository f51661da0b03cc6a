import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaPaths } from "@/lib/db/engines";
import { renderSchemaVariant } from "./schema-variants";

describe("schema variants", () => {
  it("differ from the source only in provider and client output, and the committed ones are current", () => {
    const source = readFileSync(schemaPaths.source, "utf8");
    const postgres = renderSchemaVariant(source, "postgresql");
    expect(postgres).toContain('provider = "postgresql"');
    expect(postgres).toContain('output   = "../../lib/db/generated/postgresql"');
    const changed = postgres.split("\n").filter((line) => !source.includes(line));
    expect(changed).toHaveLength(3); // header comment, provider, output
    for (const engine of ["sqlite", "postgresql"] as const) {
      expect(readFileSync(schemaPaths.variant(engine), "utf8")).toBe(renderSchemaVariant(source, engine));
    }
  });
});
