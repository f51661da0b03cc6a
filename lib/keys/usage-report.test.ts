import { describe, expect, it } from "vitest";
import type { Context } from "../context";
import { usageQuerySchema, type UsageQuery } from "../contract";
import { db } from "../db";
import { createApplication, createKey, createMerchant } from "@/test/support/fixtures";
import { queryCount } from "@/test/support/query-count";
import { appContext } from "./runtime";
import { bucketStarts, readUsage, weeklyRequests } from "./usage-report";

const NOW = new Date("2026-11-20T10:17:00Z");
const at = (ctx: Date): Context => ({ ...appContext, now: () => ctx });
const query = (input: Partial<UsageQuery> = {}) => usageQuerySchema.parse(input);

/** Writes one hourly counter as the usage recorder would. */
async function count(apiKeyId: string, hour: string, requests: number, errors = 0) {
  const start = new Date(hour);
  await db.usageCounter.create({
    data: { apiKeyId, hour: start, day: start.toISOString().slice(0, 10), requests, errors },
  });
}

/** A merchant with two applications: a test key in each, a live key in the first, and a stranger's test key. */
async function merchantWithCounters() {
  const merchantId = (await createMerchant()).id;
  const first = (await createApplication(merchantId)).id;
  const second = (await createApplication(merchantId)).id;
  const a = (await createKey({ merchantId, applicationId: first })).key.id;
  const b = (await createKey({ merchantId, applicationId: second })).key.id;
  const live = (await createKey({ merchantId, applicationId: first, mode: "live" })).key.id;
  const stranger = (await createKey()).key.id;
  await count(a, "2026-11-20T10:00:00Z", 5, 1); // this hour
  await count(b, "2026-11-20T10:00:00Z", 2);
  await count(a, "2026-11-20T07:00:00Z", 3, 3);
  await count(a, "2026-11-19T10:00:00Z", 7); // 24 hours before this hour: only in 30d
  await count(b, "2026-10-22T23:00:00Z", 11); // 29 days before today: the first day of 30d
  await count(a, "2026-10-21T23:00:00Z", 100); // 30 days before today: outside both
  await count(live, "2026-11-20T09:00:00Z", 40, 4);
  await count(stranger, "2026-11-20T10:00:00Z", 1000);
  return { merchantId, first, second, a, b, live };
}

describe("readUsage", () => {
  it("answers 24 hourly buckets ending with this hour, zero-filled, with totals, for one mode", async () => {
    const { merchantId } = await merchantWithCounters();
    const usage = await readUsage(at(NOW), { merchantId, query: query() });
    expect(usage).toMatchObject({ object: "usage", mode: "test", range: "24h", unit: "hour", apiKeyId: null });
    expect(usage.buckets).toHaveLength(24);
    expect(usage.buckets[0]).toEqual({ start: "2026-11-19T11:00:00.000Z", requests: 0, errors: 0 });
    expect(usage.buckets[20]).toEqual({ start: "2026-11-20T07:00:00.000Z", requests: 3, errors: 3 });
    expect(usage.buckets[23]).toEqual({ start: "2026-11-20T10:00:00.000Z", requests: 7, errors: 1 });
    expect(usage.totals).toEqual({ requests: 10, errors: 4 });

    const live = await readUsage(at(NOW), { merchantId, query: query({ mode: "live" }) });
    expect(live.totals).toEqual({ requests: 40, errors: 4 });
    expect(live.buckets[22]).toEqual({ start: "2026-11-20T09:00:00.000Z", requests: 40, errors: 4 });
  });

  it("answers 30 daily buckets ending today", async () => {
    const { merchantId } = await merchantWithCounters();
    const usage = await readUsage(at(NOW), { merchantId, query: query({ range: "30d" }) });
    expect(usage.unit).toBe("day");
    expect(usage.buckets).toHaveLength(30);
    expect(usage.buckets[0]).toEqual({ start: "2026-10-22T00:00:00.000Z", requests: 11, errors: 0 });
    expect(usage.buckets[28]).toEqual({ start: "2026-11-19T00:00:00.000Z", requests: 7, errors: 0 });
    expect(usage.buckets[29]).toEqual({ start: "2026-11-20T00:00:00.000Z", requests: 10, errors: 4 });
    expect(usage.totals).toEqual({ requests: 28, errors: 4 });
  });

  it("counts one key (in its own mode) or one application's keys", async () => {
    const { merchantId, first, second, a, live } = await merchantWithCounters();
    const read = async (input: Partial<UsageQuery>) => await readUsage(at(NOW), { merchantId, query: query(input) });
    expect((await read({ api_key: a })).totals).toEqual({ requests: 8, errors: 4 });
    expect(await read({ api_key: live })).toMatchObject({ mode: "live", apiKeyId: live, totals: { requests: 40 } });
    expect((await read({ application: second, range: "30d" })).totals).toEqual({ requests: 13, errors: 0 });
    expect((await read({ application: first, mode: "live" })).totals).toEqual({ requests: 40, errors: 4 });
    expect((await read({ application: second, api_key: a })).totals).toEqual({ requests: 0, errors: 0 });
  });

  it("refuses another merchant's key or application (404) and a key of the other mode (400)", async () => {
    const { merchantId, live } = await merchantWithCounters();
    const other = await createKey();
    const refusal = (input: Partial<UsageQuery>) =>
      readUsage(at(NOW), { merchantId, query: query(input) }).then(
        () => null,
        (error: { status: number; code: string; options: { param?: string } }) => [
          error.status,
          error.code,
          error.options.param,
        ],
      );
    expect(await refusal({ api_key: other.key.id })).toEqual([404, "resource_missing", "api_key"]);
    expect(await refusal({ application: other.applicationId })).toEqual([404, "resource_missing", "application"]);
    expect(await refusal({ api_key: "key_nope" })).toEqual([404, "resource_missing", "api_key"]);
    expect(await refusal({ api_key: live, mode: "test" })).toEqual([400, "parameter_invalid", "mode"]);
  });

  it("starts the last bucket at the current hour or day", () => {
    expect(new Date(bucketStarts("24h", NOW).at(-1)!).toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(new Date(bucketStarts("30d", NOW)[0]!).toISOString()).toBe("2026-10-22T00:00:00.000Z");
  });
});

describe("weeklyRequests", () => {
  it("gives each key its requests of the last 7 days, oldest first, zero where none, in one query", async () => {
    const { a, b, live } = await merchantWithCounters();
    await count(a, "2026-11-14T05:00:00Z", 9); // 6 days ago: the first day
    await count(a, "2026-11-13T23:00:00Z", 50); // 7 days ago: outside
    const before = queryCount();
    const weeks = await weeklyRequests(db, [a, b, live, "key_unused"], NOW);
    expect(queryCount() - before).toBe(1);
    expect(weeks.get(a)).toEqual([9, 0, 0, 0, 0, 7, 8]);
    expect(weeks.get(b)).toEqual([0, 0, 0, 0, 0, 0, 2]);
    expect(weeks.get(live)).toEqual([0, 0, 0, 0, 0, 0, 40]);
    expect(weeks.get("key_unused")).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
