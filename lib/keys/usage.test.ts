import { setImmediate as nextTurn } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db, dbHandle } from "../db";
import { log } from "../log";
import { createKeysInBulk } from "@/test/support/bulk-keys";
import { createApplication, createKey, createMerchant } from "@/test/support/fixtures";
import { queryCount } from "@/test/support/query-count";
import { UsageRecorder } from "./usage";

/** `count` keys of a new merchant, and how to read their counters and lastUsedAt back. */
async function createKeys(count: number) {
  const merchantId = (await createMerchant()).id;
  const applicationId = (await createApplication(merchantId)).id;
  const ids = (await createKeysInBulk(count, { merchantId, applicationId })).map((key) => key.id);
  // Joined on the merchant in SQL: Prisma refuses an `in` list of 10,000 ids on SQLite (too many parameters).
  const counters = async (): Promise<Map<string, [number, number]>> => {
    const rows = await db.$queryRaw<Array<{ id: string; requests: bigint | number; errors: bigint | number }>>`
      SELECT c."apiKeyId" AS id, SUM(c."requests") AS requests, SUM(c."errors") AS errors
      FROM "UsageCounter" c JOIN "ApiKey" k ON k."id" = c."apiKeyId"
      WHERE k."merchantId" = ${merchantId} GROUP BY c."apiKeyId"`;
    return new Map(rows.map((row) => [row.id, [Number(row.requests), Number(row.errors)]]));
  };
  const lastUsed = async (): Promise<Map<string, number | undefined>> => {
    const rows = await db.apiKey.findMany({ where: { merchantId }, select: { id: true, lastUsedAt: true } });
    return new Map(rows.map((row) => [row.id, row.lastUsedAt?.getTime()]));
  };
  return { ids, counters, lastUsed };
}

// A trigger that makes the database refuse counters of one key: a real failed statement, on either engine.
const refuseCountersOf = (keyId: string) =>
  dbHandle.engine === "sqlite"
    ? [
        `CREATE TRIGGER "usage_test_refuse" BEFORE INSERT ON "UsageCounter" WHEN NEW."apiKeyId" = '${keyId}'
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      ]
    : [
        `CREATE FUNCTION "usage_test_refuse"() RETURNS trigger AS $$ BEGIN
           IF NEW."apiKeyId" = '${keyId}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$
         LANGUAGE plpgsql`,
        `CREATE TRIGGER "usage_test_refuse" BEFORE INSERT ON "UsageCounter" FOR EACH ROW
         EXECUTE FUNCTION "usage_test_refuse"()`,
      ];
const acceptAgain =
  dbHandle.engine === "sqlite"
    ? [`DROP TRIGGER "usage_test_refuse"`]
    : [`DROP TRIGGER "usage_test_refuse" ON "UsageCounter"`, `DROP FUNCTION "usage_test_refuse"()`];

describe("UsageRecorder", () => {
  afterEach(() => vi.restoreAllMocks());

  it("counts in memory and writes lastUsedAt and per-hour counters in one flush; per-day figures sum the hours", async () => {
    const { key } = await createKey();
    const recorder = new UsageRecorder(dbHandle, 60_000);
    const day = new Date("2026-11-20T10:00:00Z");
    const before = queryCount();
    for (let i = 0; i < 50; i += 1) recorder.record(key.id, i % 10 === 0, day.getTime() + i * 120_000); // 10:00-11:38
    recorder.record(key.id, false, Date.parse("2026-11-21T00:00:01Z"));
    expect(queryCount() - before).toBe(0); // nothing is written per request
    await recorder.flush();

    const counters = await db.usageCounter.findMany({ where: { apiKeyId: key.id }, orderBy: { hour: "asc" } });
    expect(counters.map((c) => [c.hour.toISOString(), c.day, c.requests, c.errors])).toEqual([
      ["2026-11-20T10:00:00.000Z", "2026-11-20", 30, 3],
      ["2026-11-20T11:00:00.000Z", "2026-11-20", 20, 2],
      ["2026-11-21T00:00:00.000Z", "2026-11-21", 1, 0],
    ]);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt?.toISOString()).toBe("2026-11-21T00:00:01.000Z");

    recorder.record(key.id, true, Date.parse("2026-11-21T00:00:02Z"));
    await recorder.flush();
    const days = await db.usageCounter.groupBy({
      by: ["day"],
      where: { apiKeyId: key.id, hour: { gte: new Date("2026-11-20T00:00:00Z") } },
      _sum: { requests: true, errors: true },
      orderBy: { day: "asc" },
    });
    expect(days.map((d) => [d.day, d._sum.requests, d._sum.errors])).toEqual([
      ["2026-11-20", 50, 5],
      ["2026-11-21", 2, 1],
    ]);
  });

  // Generous: 10,000 keys are seeded, flushed twice and read back twice, on a machine that may be shared.
  it("writes exact counts for 10,000 distinct keys, and repeated flushes add up", { timeout: 120_000 }, async () => {
    const { ids, counters, lastUsed } = await createKeys(10_000);
    const recorder = new UsageRecorder(dbHandle, 60_000);
    const start = Date.parse("2026-11-20T10:59:30Z"); // the second round is in the next hour: a second counter
    const expected = new Map(ids.map((id) => [id, [0, 0] as [number, number]]));
    const expectedLastUsed = new Map<string, number>();
    for (let round = 0; round < 2; round += 1) {
      ids.forEach((id, i) => {
        const at = start + round * 40_000 + (i % 1000);
        for (let use = 0; use <= i % 3; use += 1) {
          const failed = (i + use) % 4 === 0;
          recorder.record(id, failed, at);
          const counts = expected.get(id)!;
          counts[0] += 1;
          if (failed) counts[1] += 1;
        }
        expectedLastUsed.set(id, at);
      });
      await recorder.flush();
      expect(await counters()).toEqual(expected);
    }
    expect(await lastUsed()).toEqual(expectedLastUsed);
  });

  it("only moves lastUsedAt forward, whichever of two recorders (two processes) writes last", async () => {
    const { ids, lastUsed } = await createKeys(3);
    const [late, early] = [new UsageRecorder(dbHandle, 60_000), new UsageRecorder(dbHandle, 60_000)];
    const t = Date.parse("2026-11-20T10:00:00Z");
    for (const id of ids) late.record(id, false, t + 5000);
    await late.flush();
    early.record(ids[0]!, false, t + 1000); // earlier than what is stored: left as it is
    early.record(ids[1]!, false, t + 9000); // later: taken
    await early.flush();
    expect(await lastUsed()).toEqual(
      new Map([ids[0], ids[1], ids[2]].map((id, i) => [id!, t + [5000, 9000, 5000][i]!])),
    );
  });

  it("keeps what is recorded while a flush is writing, for the next flush", async () => {
    const { ids, counters } = await createKeys(2000);
    const recorder = new UsageRecorder(dbHandle, 60_000, 100); // many chunks, so the flush takes many turns
    for (const id of ids) recorder.record(id, false);
    let done = false;
    const flushed = recorder.flush().then(() => (done = true));
    let during = 0;
    while (!done) {
      recorder.record(ids[during % ids.length]!, true);
      during += 1;
      await nextTurn();
    }
    await flushed;
    expect(during).toBeGreaterThan(1); // records did land between the chunks
    await recorder.flush();
    const total = [...(await counters()).values()].reduce(
      (sum, [requests, errors]) => [sum[0] + requests, sum[1] + errors],
      [0, 0],
    );
    expect(total).toEqual([ids.length + during, during]);
  });

  it("logs a chunk the database refuses, writes the other chunks, and retries the refused rows at the next flush", async () => {
    const { ids, counters, lastUsed } = await createKeys(30);
    const refused = ids[15]!;
    const warnings: Array<{ event: string; fields: object }> = [];
    vi.spyOn(log, "warn").mockImplementation((event, fields = {}) => warnings.push({ event, fields }) > 0);
    const recorder = new UsageRecorder(dbHandle, 60_000, 10);
    const at = Date.parse("2026-11-20T10:00:00Z");
    for (const statement of refuseCountersOf(refused)) await db.$executeRawUnsafe(statement);
    try {
      for (const id of ids) recorder.record(id, false, at);
      await recorder.flush();
      expect(warnings).toEqual([
        { event: "usage.flush_failed", fields: expect.objectContaining({ table: "UsageCounter", rows: 10, keys: 30 }) },
      ]);
      const afterFailure = await counters();
      expect(ids.filter((id) => afterFailure.has(id))).toEqual([...ids.slice(0, 10), ...ids.slice(20)]);
      expect((await lastUsed()).get(refused)).toBe(at); // lastUsedAt went in its own statement
    } finally {
      for (const statement of acceptAgain) await db.$executeRawUnsafe(statement);
    }
    await recorder.flush(); // the refused chunk's rows were kept for this flush: nothing lost, nothing twice
    expect(await counters()).toEqual(new Map(ids.map((id) => [id, [1, 0]])));
  });

  it("gives up rows the database refuses at three flushes in a row, with an error line", async () => {
    const { ids, counters } = await createKeys(1);
    const errors: Array<{ event: string; fields: object }> = [];
    vi.spyOn(log, "warn").mockImplementation(() => true);
    vi.spyOn(log, "error").mockImplementation((event, fields = {}) => errors.push({ event, fields }) > 0);
    const recorder = new UsageRecorder(dbHandle, 60_000);
    for (const statement of refuseCountersOf(ids[0]!)) await db.$executeRawUnsafe(statement);
    try {
      for (let i = 0; i < 4; i += 1) recorder.record(ids[0]!, false);
      for (let flush = 0; flush < 3; flush += 1) await recorder.flush();
    } finally {
      for (const statement of acceptAgain) await db.$executeRawUnsafe(statement);
    }
    expect(errors).toEqual([{ event: "usage.flush_dropped", fields: { keys: 1, requests: 4, attempts: 3 } }]);
    await recorder.flush();
    expect(await counters()).toEqual(new Map());
  });
});
