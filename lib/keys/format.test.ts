import { describe, expect, it } from "vitest";
import { BASE62, randomBase62, toBase62 } from "../ids/base62";
import { hashesEqual, hashSecret } from "./hash";
import { classifySecret, displayPrefix, generateSecret, newKeyId } from "./format";

describe("base62", () => {
  it("encodes numbers and buffers left-padded to the width", () => {
    expect(toBase62(0, 4)).toBe("0000");
    expect(toBase62(61, 2)).toBe("0z");
    expect(toBase62(62, 2)).toBe("10");
    expect(toBase62(Buffer.from([1, 0]), 3)).toBe("048"); // 256 = 4*62 + 8
  });

  it("gives the same digits for a number as for the same value as a BigInt (the checksum's fast path)", () => {
    for (const value of [0, 1, 61, 62, 3843, 3844, 2 ** 31, 2 ** 32 - 1, 56_800_235_583, Number.MAX_SAFE_INTEGER]) {
      expect(toBase62(value, 6)).toBe(toBase62(BigInt(value), 6));
      expect(toBase62(value, 12)).toBe(toBase62(BigInt(value), 12));
    }
  });

  it("draws every character from the alphabet, roughly uniformly", () => {
    const sample = randomBase62(62 * 400);
    expect(sample).toMatch(/^[0-9A-Za-z]+$/);
    const counts = new Map<string, number>();
    for (const char of sample) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    for (const char of BASE62) expect(counts.get(char)).toBeGreaterThan(250);
  });
});

describe("key format", () => {
  it("is ck_{mode}_ + 32 base62 characters", () => {
    expect(generateSecret("live")).toMatch(/^ck_live_[0-9A-Za-z]{32}$/);
    expect(generateSecret("test")).toMatch(/^ck_test_[0-9A-Za-z]{32}$/);
    expect(generateSecret("test")).not.toBe(generateSecret("test"));
  });

  it("accepts its own keys with their mode", () => {
    const secret = generateSecret("live");
    expect(classifySecret(secret)).toEqual({ kind: "product", mode: "live" });
  });

  it("rejects a typo, a swapped mode, a wrong length and random strings by checksum alone", () => {
    const secret = generateSecret("live");
    const last = secret.at(-10) === "a" ? "b" : "a";
    const typo = secret.slice(0, -10) + last + secret.slice(-9);
    expect(classifySecret(typo)).toEqual({ kind: "malformed" });
    expect(classifySecret(secret.replace("ck_live_", "ck_test_"))).toEqual({ kind: "malformed" });
    expect(classifySecret(secret.slice(0, -1))).toEqual({ kind: "malformed" });
    expect(classifySecret(`ck_live_${"a".repeat(32)}`)).toEqual({ kind: "malformed" });
    expect(classifySecret("ck_prod_abc")).toEqual({ kind: "malformed" });
  });

  it("leaves non-ck strings to a hash lookup (custom secrets)", () => {
    expect(classifySecret("my-own-secret-value")).toEqual({ kind: "custom" });
  });

  it("shows a 12-character display prefix and key_ public ids", () => {
    const secret = generateSecret("live");
    expect(displayPrefix(secret)).toHaveLength(12);
    expect(secret.startsWith(displayPrefix(secret))).toBe(true);
    expect(newKeyId()).toMatch(/^key_[0-9A-Za-z]{24}$/);
  });
});

describe("hashing", () => {
  it("stores SHA-256 hex and compares digests in constant time", () => {
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashesEqual(hashSecret("a"), hashSecret("a"))).toBe(true);
    expect(hashesEqual(hashSecret("a"), hashSecret("b"))).toBe(false);
    expect(hashesEqual(hashSecret("a"), "abcd")).toBe(false);
  });
});
