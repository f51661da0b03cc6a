import { crc32 } from "node:zlib";
import { randomBase62, toBase62 } from "../ids/base62";

import type { KeyMode } from "../contract/api-keys";

export type { KeyMode } from "../contract/api-keys";

const RANDOM_LENGTH = 26; // 26 base62 characters: 154 bits from crypto.randomBytes
const CHECKSUM_LENGTH = 6; // CRC32 (< 62^6) in base62
export const DISPLAY_PREFIX_LENGTH = 12;
const KEY_PATTERN = /^ck_(test|live)_([0-9A-Za-z]{26})([0-9A-Za-z]{6})$/;

/** The checksum covers the mode prefix too, so flipping test/live in a real key makes it invalid. */
function checksum(body: string): string {
  return toBase62(crc32(body), CHECKSUM_LENGTH);
}

/** A new secret: `ck_{mode}_` + 26 random base62 characters + a 6-character CRC32 of everything before it. */
export function generateSecret(mode: KeyMode): string {
  const body = `ck_${mode}_${randomBase62(RANDOM_LENGTH)}`;
  return body + checksum(body);
}

export type SecretShape =
  | { kind: "product"; mode: KeyMode } // a well-formed ck_ key with a valid checksum
  | { kind: "malformed" } // looks like a ck_ key but is not one: rejected without a lookup
  | { kind: "custom" }; // any other string: only a hash lookup can tell (custom secrets of unclaimed keys)

export function classifySecret(secret: string): SecretShape {
  if (!secret.startsWith("ck_")) return { kind: "custom" };
  const match = KEY_PATTERN.exec(secret);
  if (!match) return { kind: "malformed" };
  const body = secret.slice(0, secret.length - CHECKSUM_LENGTH);
  if (checksum(body) !== match[3]) return { kind: "malformed" };
  return { kind: "product", mode: match[1] as KeyMode };
}

/** What the dashboard shows for a key: its first 12 characters, e.g. `ck_live_abc1`. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, DISPLAY_PREFIX_LENGTH);
}

export function newKeyId(): string {
  return `key_${randomBase62(24)}`;
}
