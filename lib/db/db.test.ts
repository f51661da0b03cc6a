import { describe, expect, it } from "vitest";
import { config } from "../config";
import { createDb } from "./client";
import { engineOf, sqliteFileOf, PROJECT_ROOT } from "./engines";

describe("engine selection", () => {
  it("picks SQLite by default and for file: URLs, PostgreSQL for postgres URLs", () => {
    expect(engineOf(undefined)).toBe("sqlite");
    expect(engineOf("file:./x.db")).toBe("sqlite");
    expect(engineOf("postgres://u@h/db")).toBe("postgresql");
    expect(engineOf("postgresql://u@h/db")).toBe("postgresql");
    expect(() => engineOf("mysql://u@h/db")).toThrow(/DATABASE_URL/);
  });

  it("resolves SQLite files against the project root", () => {
    expect(sqliteFileOf(undefined)).toBe(`${PROJECT_ROOT}/.data/merchant-console.db`);
    expect(sqliteFileOf("file:.data/e2e.db")).toBe(`${PROJECT_ROOT}/.data/e2e.db`);
    expect(sqliteFileOf("file:/tmp/x.db")).toBe("/tmp/x.db");
  });
});

describe("SQLite client", () => {
  it.runIf(engineOf(config.DATABASE_URL) === "sqlite")("runs in WAL mode with synchronous = FULL", async () => {
    const { db } = createDb(config.DATABASE_URL);
    const [journal] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    const [sync] = await db.$queryRawUnsafe<Array<{ synchronous: bigint | number }>>("PRAGMA synchronous");
    await db.$disconnect();
    expect(journal?.journal_mode).toBe("wal");
    expect(Number(sync?.synchronous)).toBe(2); // FULL
  });
});
