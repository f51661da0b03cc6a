import { createHash, hash, timingSafeEqual } from "node:crypto";

/** Hex SHA-256 of a secret: the only form in which a secret is ever stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The SHA-256 of a secret as bytes and hex (the lookup key), computed once. */
export function digestSecret(secret: string): { bytes: Buffer; hex: string } {
  const bytes = hash("sha256", secret, "buffer"); // one-shot: no Hash object per request
  return { bytes, hex: bytes.toString("hex") };
}

/** Constant-time comparison of two digests. */
export function hashesEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
