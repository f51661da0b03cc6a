import { randomFillSync } from "node:crypto";
import { BASE62 } from "../auth/base62";

const ID_LENGTH = 20;
const pool = Buffer.alloc(ID_LENGTH * 256);
let offset = pool.length;

/**
 * `req_` + 20 base62 characters (~119 bits): unique enough to find one request in the logs. Drawn from a pooled
 * buffer of random bytes because it runs on every request; request ids are not secrets, so the slight modulo
 * bias is harmless (secrets use `randomBase62`).
 */
export function newRequestId(): string {
  if (offset + ID_LENGTH > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let id = "req_";
  for (let i = 0; i < ID_LENGTH; i += 1) id += BASE62[pool[offset + i]! % 62];
  offset += ID_LENGTH;
  return id;
}
