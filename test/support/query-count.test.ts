import { describe, expect, it } from "vitest";
import { createDb, db } from "@/lib/db";
import { setQueryObserver } from "@/lib/db/query-observer";
import { countQueries, queryCount } from "./query-count";

describe("queryCount (the tests' query counter)", () => {
  it("counts every query of the app's client, so a difference of 0 proves a code path ran none", async () => {
    const before = queryCount();
    await db.merchant.count();
    await db.apiKey.findFirst({ where: { hash: "no-such-hash" } });
    expect(queryCount() - before).toBe(2);
  });

  it("is not told anything by a client built with no observer installed, as in a normal run", async () => {
    setQueryObserver(undefined);
    const quiet = createDb(process.env.DATABASE_URL).db;
    countQueries();
    try {
      const before = queryCount();
      await quiet.merchant.count();
      expect(queryCount() - before).toBe(0);
    } finally {
      await quiet.$disconnect();
    }
  });
});
