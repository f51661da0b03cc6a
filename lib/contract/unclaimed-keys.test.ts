import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BASE62, randomBase62 } from "../ids/base62";
import { createUnclaimedKeySchema, customSecretSchema, estimateEntropyBits } from "./unclaimed-keys";

const messageOf = (secret: string) => {
  const result = customSecretSchema.safeParse(secret);
  return result.success ? "ok" : result.error.issues[0]?.message;
};

describe("custom secrets of unclaimed keys", () => {
  it("accepts random-looking secrets of 32 to 128 safe characters", () => {
    expect(messageOf(randomBase62(32))).toBe("ok");
    expect(messageOf(randomBytes(24).toString("base64url"))).toBe("ok");
    expect(messageOf(`pk_${randomBase62(40)}`)).toBe("ok");
    expect(messageOf(randomBytes(96).toString("base64url"))).toBe("ok");
  });

  it("accepts a random secret that happens to hold a short run, as `openssl rand -hex 20` sometimes prints", () => {
    expect(messageOf("9f1234c07be5d2a8e61f0c3b94d7a25e8c0f6b1d")).toBe("ok");
    expect(messageOf("Qx7mZaaaaP3vN8kR2tWc9LbY4hJ6dF1sGe5uT0yB")).toBe("ok");
  });

  it("does not refuse what a random generator prints (a thousand of each common format, from a fixed seed)", () => {
    // Deterministic stand-ins for random bytes, so this test cannot flake. A sweep of a million truly random
    // secrets refused none in base62 or base64url and 4 in hex (`openssl rand -hex 20`), each with a clear reason.
    const bytes = (seed: string, length: number) => createHash("sha512").update(seed).digest().subarray(0, length);
    for (let i = 0; i < 1000; i += 1) {
      const hex = bytes(`hex ${i}`, 20).toString("hex");
      const base64url = bytes(`base64url ${i}`, 24).toString("base64url");
      const base62 = [...bytes(`base62 ${i}`, 32)].map((byte) => BASE62[byte % 62]).join("");
      for (const secret of [hex, base64url, base62]) expect(messageOf(secret), secret).toBe("ok");
    }
  });

  it("refuses short, long, unsafe, repeated, sequential and low-entropy secrets with a clear reason", () => {
    expect(messageOf(randomBase62(31))).toMatch(/at least 32/);
    expect(messageOf(randomBase62(129))).toMatch(/at most 128/);
    expect(messageOf(`${randomBase62(31)}!`)).toMatch(/only letters/);
    expect(messageOf(`Qx7mP3vN8kR2tWc9LbY4${"z".repeat(16)}`)).toMatch(
      /repeated or sequential characters \(like 'zzzzzzzzzzzzzzzz'\)/,
    );
    expect(messageOf("Qx7mP3vN8kR2tWc90123456789abcdefghijklmnop")).toMatch(
      /repeated or sequential characters \(like '0123456789' and 'abcdefghijklmnop'/,
    );
    expect(messageOf("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1")).toMatch(/repeated or sequential/);
    expect(messageOf("zyxwvutsrqponmlkjihgfedcba9876543210")).toMatch(/repeated or sequential/);
    expect(messageOf("abababababababababababababababab")).toMatch(/predictable/);
    expect(messageOf("my-secret-key-for-the-agentpay-dev")).toMatch(/predictable/);
    expect(messageOf("ab12ab12ab12ab12ab12ab12ab12ab12ab12")).toMatch(/repeated or sequential/);
    expect(messageOf("Password1Password1Password1Password1")).toMatch(/repeated or sequential/);
    // 32 hex characters are exactly 128 bits; a run among them leaves fewer.
    expect(messageOf("9f1b2c07be5d2a8e61f0c3b94d7a25e8")).toBe("ok");
    expect(messageOf("9f1b2c07be5d2a8e61f0c3b94d7a5678")).toMatch(
      /like '5678'\) add no entropy, which leaves under 128 bits/,
    );
    expect(messageOf(`ck_live_${randomBase62(32)}`)).toMatch(/ck_live_/);
  });

  it("estimates entropy as length × log2(alphabet), counting a run or a repeat as one character", () => {
    expect(estimateEntropyBits("aaaaaaaa")).toBe(4); // one hex character
    expect(estimateEntropyBits("9f1b2c07be5d2a8e61f0c3b94d7a25e8")).toBe(128);
    expect(estimateEntropyBits("Qx7m0123456789")).toBe(estimateEntropyBits("Qx7m0"));
    expect(estimateEntropyBits("Qx7m9Qx7m9Qx7m9")).toBe(estimateEntropyBits("Qx7m9Q"));
    expect(estimateEntropyBits("Qx7mP3vN8kR2tWc9LbY4hJ6dF1sGe5uT")).toBeCloseTo(32 * Math.log2(62));
  });

  it("allows an empty or absent key (then one is generated) and refuses unknown fields", () => {
    expect(createUnclaimedKeySchema.safeParse({}).success).toBe(true);
    expect(createUnclaimedKeySchema.safeParse({ key: "", label: "agent" }).success).toBe(true);
    expect(createUnclaimedKeySchema.safeParse({ label: "x", scopes: [] }).success).toBe(false);
  });
});
