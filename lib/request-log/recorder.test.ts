import { afterEach, describe, expect, it, vi } from "vitest";
import { db, dbHandle } from "../db";
import { log } from "../log";
import { queryCount } from "@/test/support/query-count";
import { RequestLogRecorder, type RequestLogEntry } from "./recorder";

let serial = 0;
function entry(merchantId: string, overrides: Partial<RequestLogEntry> = {}): RequestLogEntry {
  serial += 1;
  return {
    at: Date.now() + serial,
    requestId: `req_test${String(serial).padStart(16, "0")}`,
    merchantId,
    mode: "test",
    apiKeyId: "key_a",
    applicationId: "app_a",
    method: "GET",
    path: "/api/v1/me",
    status: 200,
    durationMs: 3.4,
    ip: "127.0.0.1",
    userAgent: "vitest",
    idempotencyKey: null,
    error: null,
    objectIds: [],
    ...overrides,
  };
}

// A trigger that makes the database refuse log rows of one merchant: a real failed statement, on either engine.
const refuseRowsOf = (merchantId: string) =>
  dbHandle.engine === "sqlite"
    ? [
        `CREATE TRIGGER "request_log_test_refuse" BEFORE INSERT ON "RequestLog" WHEN NEW."merchantId" = '${merchantId}'
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      ]
    : [
        `CREATE FUNCTION "request_log_test_refuse"() RETURNS trigger AS $$ BEGIN
           IF NEW."merchantId" = '${merchantId}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$
         LANGUAGE plpgsql`,
        `CREATE TRIGGER "request_log_test_refuse" BEFORE INSERT ON "RequestLog" FOR EACH ROW
         EXECUTE FUNCTION "request_log_test_refuse"()`,
      ];
const acceptAgain =
  dbHandle.engine === "sqlite"
    ? [`DROP TRIGGER "request_log_test_refuse"`]
    : [`DROP TRIGGER "request_log_test_refuse" ON "RequestLog"`, `DROP FUNCTION "request_log_test_refuse"()`];

const merchant = () => `mer_rl${Math.random().toString(36).slice(2, 12)}`;

describe("RequestLogRecorder", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes a request whose texts hold a NUL character (PostgreSQL's text refuses it), and the rows beside it", async () => {
    const merchantId = merchant();
    const recorder = new RequestLogRecorder(dbHandle, 60_000);
    const warn = vi.spyOn(log, "warn");
    recorder.record(entry(merchantId));
    recorder.record(
      entry(merchantId, {
        status: 400,
        userAgent: "agent\u0000x",
        error: { type: "invalid_request", code: "parameter_invalid", message: "Name must not contain \u0000." },
      }),
    );
    await recorder.flush();
    expect(warn).not.toHaveBeenCalled();
    const rows = await db.requestLog.findMany({ where: { merchantId }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ userAgent: "agent\uFFFDx", errorMessage: "Name must not contain \uFFFD." });
  });

  it("keeps requests in memory, then writes every field in one statement per 100 rows", async () => {
    const merchantId = merchant();
    const recorder = new RequestLogRecorder(dbHandle, 60_000);
    const before = queryCount();
    const failed = entry(merchantId, {
      method: "POST",
      path: "/api/v1/customers",
      status: 400,
      idempotencyKey: "idem-1",
      error: { type: "invalid_request", code: "parameter_invalid", message: "Invalid email." },
    });
    recorder.record(failed);
    for (let i = 0; i < 600; i += 1)
      recorder.record(entry(merchantId, { objectIds: i === 0 ? ["cus_1", "cus_2"] : [] }));
    expect(queryCount() - before).toBe(0);
    expect(recorder.size).toBe(601);

    await recorder.flush();
    expect(queryCount() - before).toBe(7); // 601 rows: six statements of 100 and one of 1
    expect(recorder.size).toBe(0);
    expect(await db.requestLog.count({ where: { merchantId } })).toBe(601);
    const row = await db.requestLog.findFirstOrThrow({ where: { requestId: failed.requestId } });
    expect(row).toMatchObject({
      merchantId,
      mode: "test",
      apiKeyId: "key_a",
      applicationId: "app_a",
      method: "POST",
      path: "/api/v1/customers",
      status: 400,
      durationMs: 3,
      ip: "127.0.0.1",
      userAgent: "vitest",
      idempotencyKey: "idem-1",
      errorType: "invalid_request",
      errorCode: "parameter_invalid",
      errorMessage: "Invalid email.",
      objectIds: null,
      createdAt: new Date(Math.floor(failed.at)),
    });
    expect(row.id).toMatch(/^rlog_/);
    const withObjects = await db.requestLog.findFirstOrThrow({ where: { merchantId, objectIds: { not: null } } });
    expect(withObjects.objectIds).toBe("cus_1,cus_2");
  });

  it("writes a refused chunk again at the next flush, and drops it after three failed flushes", async () => {
    const kept = merchant();
    const refused = merchant();
    const warnings: string[] = [];
    const errors: Array<{ event: string; fields: object }> = [];
    vi.spyOn(log, "warn").mockImplementation((event) => warnings.push(event) > 0);
    vi.spyOn(log, "error").mockImplementation((event, fields = {}) => errors.push({ event, fields }) > 0);
    const recorder = new RequestLogRecorder(dbHandle, 60_000, 5);
    for (let i = 0; i < 5; i += 1) recorder.record(entry(kept));
    for (let i = 0; i < 5; i += 1) recorder.record(entry(refused));
    for (const statement of refuseRowsOf(refused)) await db.$executeRawUnsafe(statement);
    try {
      await recorder.flush();
      expect(warnings).toEqual(["request_log.flush_failed"]);
      expect(await db.requestLog.count({ where: { merchantId: kept } })).toBe(5);
      expect(recorder.size).toBe(5);
    } finally {
      for (const statement of acceptAgain) await db.$executeRawUnsafe(statement);
    }
    await recorder.flush(); // retried: nothing lost, nothing twice
    expect(await db.requestLog.count({ where: { merchantId: refused } })).toBe(5);

    const doomed = merchant();
    for (let i = 0; i < 2; i += 1) recorder.record(entry(doomed));
    for (const statement of refuseRowsOf(doomed)) await db.$executeRawUnsafe(statement);
    try {
      for (let flush = 0; flush < 3; flush += 1) await recorder.flush();
    } finally {
      for (const statement of acceptAgain) await db.$executeRawUnsafe(statement);
    }
    expect(errors).toEqual([{ event: "request_log.flush_dropped", fields: { rows: 2, attempts: 3 } }]);
    expect(recorder.size).toBe(0);
    await recorder.flush();
    expect(await db.requestLog.count({ where: { merchantId: doomed } })).toBe(0);
  });
});
