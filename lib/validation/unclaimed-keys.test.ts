import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { randomBase62 } from "../auth/base62";
import { createUnclaimedKeySchema, customSecretSchema, estimateEntropyBits } from "./unclaimed-keys";

const messageOf = (secret: string) => {
  const result = customSecretSchema.safeParse(secret);
  return result.success ? "ok" : result.error.issues[0]?.message;
};

describe("custom secrets of unclaimed keys", () => {
  it("accepts random-looking secrets of 32 to 128 safe characters", () => {
    expect(messageOf(randomBase62(32))).toBe("ok");
    expect(messageOf(randomBytes(24).toString("base64url"))).toBe("ok");
    expect(messageOf(randomBytes(20).toString("hex"))).toBe("ok");
    expect(messageOf(`pk_${randomBase62(40)}`)).toBe("ok");
  });

  it("refuses short, long, unsafe, repeated, sequential and low-entropy secrets with a clear reason", () => {
    expect(messageOf(randomBase62(31))).toMatch(/at least 32/);
    expect(messageOf(randomBase62(129))).toMatch(/at most 128/);
    expect(messageOf(`${randomBase62(31)}!`)).toMatch(/only letters/);
    expect(messageOf(`${randomBase62(30)}zzzz`)).toMatch(/repeated or sequential/);
    expect(messageOf(`${randomBase62(30)}6789`)).toMatch(/repeated or sequential/);
    expect(messageOf("abababababababababababababababab")).toMatch(/predictable/);
    expect(messageOf("my-secret-key-for-the-agentpay-dev")).toMatch(/predictable/);
    expect(messageOf(randomBytes(16).toString("hex"))).toMatch(/predictable/); // 32 hex chars: ~120 bits at best
    expect(messageOf(`ck_live_${randomBase62(32)}`)).toMatch(/ck_live_/);
  });

  it("estimates entropy conservatively", () => {
    expect(estimateEntropyBits("aaaaaaaa")).toBe(0);
    expect(estimateEntropyBits(randomBase62(32))).toBeGreaterThan(128);
    expect(estimateEntropyBits(randomBase62(32))).toBeLessThanOrEqual(32 * Math.log2(62));
  });

  it("allows an empty or absent key (then one is generated) and refuses unknown fields", () => {
    expect(createUnclaimedKeySchema.safeParse({}).success).toBe(true);
    expect(createUnclaimedKeySchema.safeParse({ key: "", label: "agent" }).success).toBe(true);
    expect(createUnclaimedKeySchema.safeParse({ label: "x", scopes: [] }).success).toBe(false);
  });
});
