import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BatchWriter, type BatchTable, type MergedTable } from "./batch";
import { db, dbHandle } from ".";

type AuditRow = { id: string; action: string | null; targetType: string; targetId: string; createdAt: Date };
const AUDIT: BatchTable<AuditRow> = {
  table: "AuditEvent",
  columns: { id: "text", action: "text", targetType: "text", targetId: "text", createdAt: "timestamp" },
};
type CounterRow = { apiKeyId: string; hour: Date; day: string; requests: number; errors: number };
const COUNTERS: MergedTable<CounterRow> = {
  table: "UsageCounter",
  columns: { apiKeyId: "text", hour: "timestamp", day: "text", requests: "integer", errors: "integer" },
  key: ["apiKeyId", "hour"],
  merge: { requests: "add", errors: "add" },
};

const tag = () => randomBytes(4).toString("hex");

describe("BatchWriter (real database)", () => {
  it("inserts in chunks of one statement each; a failed chunk comes back with its rows and the others are written", async () => {
    const run = tag();
    const createdAt = new Date("2026-11-20T10:11:12.345Z");
    const rows: AuditRow[] = Array.from({ length: 25 }, (_, i) => ({
      id: `evt_batch_${run}_${String(i).padStart(2, "0")}`,
      action: i === 15 ? null : "batch.test", // NOT NULL: the second chunk of ten fails as a whole
      targetType: "test",
      targetId: run,
      createdAt,
    }));
    const failed = await new BatchWriter(dbHandle, 10).insert(AUDIT, rows);

    expect(failed.map((chunk) => chunk.rows.map((row) => row.id))).toEqual([rows.slice(10, 20).map((row) => row.id)]);
    expect(failed[0]?.error).toBeInstanceOf(Error);
    const written = await db.auditEvent.findMany({ where: { targetId: run }, orderBy: { id: "asc" } });
    expect(written.map((row) => row.id)).toEqual([...rows.slice(0, 10), ...rows.slice(20)].map((row) => row.id));
    expect(written.every((row) => row.createdAt.getTime() === createdAt.getTime())).toBe(true); // read back by Prisma
  });

  it("upserts: new rows are inserted, existing ones take the merge (added counts)", async () => {
    const writer = new BatchWriter(dbHandle, 3);
    const apiKeyId = `key_batch_${tag()}`;
    const hours = [0, 1, 2, 3, 4].map((h) => new Date(Date.UTC(2026, 10, 20, h)));
    const row = (hour: Date, requests: number, errors: number) => ({
      apiKeyId,
      hour,
      day: "2026-11-20",
      requests,
      errors,
    });
    expect(
      await writer.upsert(
        COUNTERS,
        hours.slice(0, 3).map((hour) => row(hour, 1, 0)),
      ),
    ).toEqual([]);
    expect(
      await writer.upsert(
        COUNTERS,
        hours.map((hour) => row(hour, 2, 1)),
      ),
    ).toEqual([]);

    const counters = await db.usageCounter.findMany({ where: { apiKeyId }, orderBy: { hour: "asc" } });
    expect(counters.map((c) => [c.hour.toISOString(), c.requests, c.errors])).toEqual(
      hours.map((hour, h) => [hour.toISOString(), h < 3 ? 3 : 2, 1]),
    );
  });

  it("runs one statement per turn of the event loop across every writer, however many flush at once", async () => {
    // A turn counter: an immediate that queues itself runs once in each check phase.
    let turn = 0;
    let counting = true;
    const count = () => {
      turn += 1;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const turns: number[] = [];
    const observed = {
      engine: dbHandle.engine,
      db: new Proxy(db, {
        get: (target, name) =>
          name === "$executeRaw"
            ? (...args: Parameters<typeof db.$executeRaw>) => {
                turns.push(turn);
                return target.$executeRaw(...args);
              }
            : Reflect.get(target, name),
      }),
    };
    const run = tag();
    const rows = (writer: string) =>
      Array.from({ length: 12 }, (_, i) => ({
        id: `evt_lane_${run}_${writer}_${String(i).padStart(2, "0")}`,
        action: "batch.lane",
        targetType: "test",
        targetId: run,
        createdAt: new Date(),
      }));
    try {
      const results = await Promise.all(
        ["a", "b", "c"].map((writer) => new BatchWriter(observed, 4).insert(AUDIT, rows(writer))),
      );
      expect(results).toEqual([[], [], []]);
    } finally {
      counting = false;
    }
    expect(turns).toHaveLength(9); // three writers, three statements each
    expect(new Set(turns).size).toBe(turns.length);
    expect(await db.auditEvent.count({ where: { targetId: run } })).toBe(36);
  });
});
