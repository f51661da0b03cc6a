import { describe, expect, it } from "vitest";
import { db } from "../db";
import { ApiError } from "./errors";
import { purgeExpiredIdempotencyRecords, runIdempotent } from "./idempotency";

const request = (key: string) => ({ apiKeyId: "key_idem", key, method: "POST", path: "/api/v1/x", body: "{}" });

describe("runIdempotent", () => {
  it("answers 409 to a duplicate that arrives while the first is still running", async () => {
    let finish: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = runIdempotent(db, request("slow"), () => {
      started(); // the first request holds the key from here on: no guessing how long its insert takes
      return new Promise(
        (resolve) => (finish = () => resolve({ response: Response.json({ ok: 1 }, { status: 201 }) })),
      );
    });
    await running;
    await expect(
      runIdempotent(db, request("slow"), async () => ({ response: Response.json({}) })),
    ).rejects.toMatchObject({
      status: 409,
      code: "idempotency_conflict",
    } satisfies Partial<ApiError>);
    finish();
    expect((await first).status).toBe(201);
    const replay = await runIdempotent(db, request("slow"), async () => ({
      response: Response.json({ ran: "again" }),
    }));
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual({ ok: 1 });
  });

  it("lets a retry run again after a server error, and purges records after 24 hours", async () => {
    const failed = await runIdempotent(db, request("boom"), async () => ({
      response: Response.json({}, { status: 500 }),
      errorType: "api_error",
    }));
    expect(failed.status).toBe(500);
    const retried = await runIdempotent(db, request("boom"), async () => ({
      response: Response.json({ ok: true }, { status: 201 }),
    }));
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    await purgeExpiredIdempotencyRecords(db, new Date(Date.now() + 25 * 3600_000));
    expect(await db.idempotencyRecord.count({ where: { apiKeyId: "key_idem" } })).toBe(0);
  });

  it("keeps the stored response encrypted, so the database alone shows no secret, and replays it in clear", async () => {
    const secret = "whsec_AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    const first = await runIdempotent(db, request("sealed"), async () => ({
      response: Response.json({ secret }, { status: 201 }),
    }));
    expect(await first.json()).toEqual({ secret });
    const record = await db.idempotencyRecord.findUniqueOrThrow({
      where: { apiKeyId_key: { apiKeyId: "key_idem", key: "sealed" } },
    });
    expect(record.responseBody).not.toContain("whsec_");
    expect(record.responseBody).toMatch(/^v1\./);
    const replay = await runIdempotent(db, request("sealed"), async () => ({ response: Response.json({}) }));
    expect(await replay.json()).toEqual({ secret });

    await db.idempotencyRecord.update({ where: { id: record.id }, data: { responseBody: JSON.stringify({ secret }) } });
    await expect(
      runIdempotent(db, request("sealed"), async () => ({ response: Response.json({}) })),
    ).rejects.toMatchObject({ status: 409, code: "idempotency_record_unreadable" } satisfies Partial<ApiError>);
  });
});
