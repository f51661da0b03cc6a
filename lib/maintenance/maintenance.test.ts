import { describe, expect, it } from "vitest";
import { appContext } from "../keys";
import { SCOPES } from "../contract/scopes";
import { createApiKey } from "../keys/lifecycle";
import type { Context } from "../context";
import { db } from "../db";
import { createPaymentLink } from "../payments";
import { createKey } from "@/test/support/fixtures";
import { runMaintenance } from ".";

const ctx: Context = { db, bus: { async publish() {} }, now: () => new Date() };

describe("runMaintenance", () => {
  it("removes expired sandboxes and old idempotency records, and nothing else", async () => {
    const unclaimed = await createApiKey(appContext, {
      owner: { merchantId: null, applicationId: null },
      key: { name: "u", scopes: [...SCOPES], expiresAt: new Date(Date.now() + 1000) },
    });
    const live = await createApiKey(appContext, {
      owner: { merchantId: null, applicationId: null },
      key: { name: "v", scopes: [...SCOPES], expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const merchantKey = await createKey();
    const doomed = await createPaymentLink(ctx, {
      owner: { ownerId: unclaimed.key.id, livemode: false },
      keyId: unclaimed.key.id,
      link: { amount: 1, currency: "usd" },
    });
    const kept = await createPaymentLink(ctx, {
      owner: { ownerId: live.key.id, livemode: false },
      keyId: live.key.id,
      link: { amount: 2, currency: "usd" },
    });
    const merchants = await createPaymentLink(ctx, {
      owner: { ownerId: merchantKey.merchantId, livemode: false },
      keyId: merchantKey.key.id,
      link: { amount: 3, currency: "usd" },
    });
    await db.idempotencyRecord.create({
      data: {
        apiKeyId: "key_m",
        key: "old",
        method: "POST",
        path: "/x",
        bodyHash: "h",
        expiresAt: new Date(Date.now() + 1000),
      },
    });

    const done = await runMaintenance({ ...ctx, now: () => new Date(Date.now() + 2000) });
    expect(done.sandboxes).toBeGreaterThanOrEqual(1);
    expect(done.idempotencyRecords).toBeGreaterThanOrEqual(1);
    expect(await db.paymentLink.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect(await db.paymentLink.findUnique({ where: { id: kept.id } })).not.toBeNull();
    expect(await db.paymentLink.findUnique({ where: { id: merchants.id } })).not.toBeNull();
    expect(await db.apiKey.findUnique({ where: { id: unclaimed.key.id } })).not.toBeNull(); // it still answers 401 expired
  });
});
