import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { log } from "../log";
import { authSecret } from "./auth-secret";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A per-process key when there is no AUTH_SECRET: what it sealed can be opened only by this process. */
let ephemeral: Buffer | null = null;
function rootSecret(): Buffer {
  const secret = authSecret();
  if (secret) return Buffer.from(secret, "utf8");
  if (!ephemeral) {
    ephemeral = randomBytes(32);
    log.warn("secrets.no_auth_secret", { effect: "sealed records are readable by this process only" });
  }
  return ephemeral;
}

const keys = new Map<string, Buffer>();
/** A 256-bit key for one purpose, derived from AUTH_SECRET with HKDF-SHA256: one secret, independent keys. */
function keyFor(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key)
    keys.set(purpose, (key = Buffer.from(hkdfSync("sha256", rootSecret(), "", `merchant-console ${purpose}`, 32))));
  return key;
}

/**
 * Text stored encrypted with AES-256-GCM under a key derived from AUTH_SECRET for `purpose`, as
 * `v1.<base64url of iv, tag and ciphertext>`: the database alone reveals nothing of it, and a changed byte fails to
 * open rather than reading as something else.
 */
export function seal(purpose: string, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  const encrypted = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString("base64url")}`;
}

/** The text `seal` stored, or null when it was sealed under another secret, altered, or never sealed. */
export function open(purpose: string, sealed: string): string | null {
  if (!sealed.startsWith(`${VERSION}.`)) return null;
  const bytes = Buffer.from(sealed.slice(VERSION.length + 1), "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
