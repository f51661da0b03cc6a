import { randomFillSync } from "node:crypto";
import { BASE62 } from "../auth/base62";

const ID_LENGTH = 20;
const pool = Buffer.alloc(ID_LENGTH * 256);
let offset = pool.length;

/**
 * `req_` + 20 base62 characters (~119 bits): unique enough to find one request in the logs. It runs on every
 * request, so it is cut from a pooled buffer of random bytes already turned into base62 characters: one string
 * per id. Request ids are not secrets, so the slight modulo bias is harmless (secrets use `randomBase62`).
 */
export function newRequestId(): string {
  if (offset + ID_LENGTH > pool.length) {
    randomFillSync(pool);
    for (let i = 0; i < pool.length; i += 1) pool[i] = BASE62.charCodeAt(pool[i]! % 62);
    offset = 0;
  }
  const id = `req_${pool.toString("latin1", offset, offset + ID_LENGTH)}`;
  offset += ID_LENGTH;
  return id;
}
