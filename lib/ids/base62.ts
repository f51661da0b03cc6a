import { randomBytes } from "node:crypto";

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `length` uniformly random base62 characters (rejection sampling: no modulo bias). */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A non-negative integer (or the big-endian bytes of one) in base62, left-padded with "0" to `width`. */
export function toBase62(value: number | bigint | Buffer, width: number): string {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
    // The checksum of every verified key takes this path: plain arithmetic, no BigInt.
    let out = "";
    for (let n = value; n > 0; n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
    return out.padStart(width, "0").slice(-width);
  }
  let n = Buffer.isBuffer(value) ? BigInt(`0x${value.toString("hex") || "0"}`) : BigInt(value);
  let out = "";
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(width, "0").slice(-width);
}
