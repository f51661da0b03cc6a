import { describe, expect, it } from "vitest";
import type { Context } from "../context";
import { db, dbHandle } from "../db";
import { newObjectId } from "../ids";
import { runMaintenance } from "../maintenance";
import { RequestLogRecorder } from "./recorder";
import { pruneRequestLog } from "./retention";

const DAY_MS = 86_400_000;
const now = Date.now();
const ctx: Context = { db, bus: { async publish() {} }, now: () => new Date(now) };

async function logAt(merchantId: string, ages: number[]) {
  const recorder = new RequestLogRecorder(dbHandle, 60_000);
  for (const age of ages)
    recorder.record({
      at: now - age,
      requestId: `req_${newObjectId("x").slice(2, 22)}`,
      merchantId,
      mode: "test",
      apiKeyId: "key_r",
      applicationId: null,
      method: "GET",
      path: "/api/v1/me",
      status: 200,
      durationMs: 1,
      ip: null,
      userAgent: null,
      idempotencyKey: null,
      error: null,
      objectIds: [],
    });
  await recorder.flush();
}

describe("request log retention", () => {
  it("deletes rows past the retention in bounded chunks, and keeps the rest", async () => {
    const merchantId = newObjectId("mer");
    const old = Array.from({ length: 25 }, (_, i) => 15 * DAY_MS + i * 1000);
    await logAt(merchantId, [...old, 13 * DAY_MS, 60_000]);
    expect(await pruneRequestLog(ctx, { retentionDays: 14, chunkRows: 10 })).toBeGreaterThanOrEqual(25);
    const kept = await db.requestLog.findMany({ where: { merchantId }, select: { createdAt: true } });
    expect(kept.map((row) => now - row.createdAt.getTime()).sort((a, b) => a - b)).toEqual([60_000, 13 * DAY_MS]);
  });

  it("runs in the maintenance job with REQUEST_LOG_RETENTION_DAYS", async () => {
    const merchantId = newObjectId("mer");
    await logAt(merchantId, [3 * DAY_MS, DAY_MS / 2]);
    const done = await runMaintenance(ctx, 2);
    expect(done.requestLogs).toBeGreaterThanOrEqual(1);
    expect(await db.requestLog.count({ where: { merchantId } })).toBe(1);
  });
});
