import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createKey } from "@/test/support/fixtures";
import { queryCount } from "@/test/support/query-count";
import { UsageRecorder } from "./usage";

describe("UsageRecorder", () => {
  it("counts in memory and writes lastUsedAt and per-day counters in one batch", async () => {
    const { key } = await createKey();
    const recorder = new UsageRecorder(db, 60_000);
    const day = new Date("2026-11-20T10:00:00Z");
    const before = queryCount();
    for (let i = 0; i < 50; i += 1) recorder.record(key.id, i % 10 === 0, day.getTime() + i * 1000);
    recorder.record(key.id, false, Date.parse("2026-11-21T00:00:01Z"));
    expect(queryCount() - before).toBe(0); // nothing is written per request
    await recorder.flush();

    const counters = await db.usageCounter.findMany({ where: { apiKeyId: key.id }, orderBy: { day: "asc" } });
    expect(counters.map((c) => [c.day, c.requests, c.errors])).toEqual([
      ["2026-11-20", 50, 5],
      ["2026-11-21", 1, 0],
    ]);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt?.toISOString()).toBe("2026-11-21T00:00:01.000Z");

    recorder.record(key.id, true, Date.parse("2026-11-21T00:00:02Z"));
    await recorder.flush();
    const again = await db.usageCounter.findUniqueOrThrow({
      where: { apiKeyId_day: { apiKeyId: key.id, day: "2026-11-21" } },
    });
    expect([again.requests, again.errors]).toEqual([2, 1]);
  });
});
