import { describe, expect, it } from "vitest";
import { config } from "../config";
import { db } from "../db";
import { bearer, createKey, startNextServer } from "@/test/support";

const json = { "Content-Type": "application/json" };

describe("usage and the request log on shutdown (real server)", () => {
  it("writes lastUsedAt, the hour's counters and the request log when the server is stopped, and logs no secret", async () => {
    const { secret, key } = await createKey();
    const server = await startNextServer({ DATABASE_URL: config.DATABASE_URL, LOG_LEVEL: "info" });
    for (let i = 0; i < 3; i += 1)
      expect((await fetch(`${server.url}/api/v1/me`, { headers: bearer(secret) })).status).toBe(200);
    expect(
      (await fetch(`${server.url}/api/v1/payment_links`, { method: "POST", headers: bearer(secret, json), body: "{" }))
        .status,
    ).toBe(400);
    expect(await db.usageCounter.count({ where: { apiKeyId: key.id } })).toBe(0); // nothing written per request
    expect(await db.requestLog.count({ where: { apiKeyId: key.id } })).toBe(0);

    expect(await server.stop("SIGTERM")).toBe(143);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt).not.toBeNull();
    const { _sum } = await db.usageCounter.aggregate({
      where: { apiKeyId: key.id },
      _sum: { requests: true, errors: true },
    });
    expect([_sum.requests, _sum.errors]).toEqual([4, 1]); // in one hour's counter, or two if the hour turned meanwhile
    const logged = await db.requestLog.findMany({ where: { apiKeyId: key.id }, orderBy: { id: "asc" } });
    expect(logged.map((row) => [row.method, row.status, row.errorCode])).toEqual([
      ["GET", 200, null],
      ["GET", 200, null],
      ["GET", 200, null],
      ["POST", 400, "invalid_json"],
    ]);
    expect(server.output()).toContain('"event":"request"');
    expect(server.output()).not.toContain(secret.slice(12));
  });
});
