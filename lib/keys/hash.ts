import { hash, timingSafeEqual } from "node:crypto";

/**
 * Hex SHA-256 of a secret: the only form in which a secret is ever stored, and what keys are looked up by. One-shot
 * and straight to hex: no Hash object and no Buffer per request (each Buffer is an ArrayBuffer the GC must track).
 */
export function hashSecret(secret: string): string {
  return hash("sha256", secret, "hex");
}

/** Constant-time comparison of two hex digests. */
export function hashesEqual(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}
