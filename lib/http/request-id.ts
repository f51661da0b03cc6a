import { randomFillSync } from "node:crypto";
import { BASE62 } from "../ids/base62";

const ID_LENGTH = 20;
const bytes = Buffer.alloc(ID_LENGTH * 256);
let pool = "";
let offset = 0;

/**
 * `req_` + 20 base62 characters (~119 bits): unique enough to find one request in the logs. It runs on every
 * request, so it is sliced from a pooled string of random base62 characters, made 256 ids at a time: no call into
 * C++ per id. Request ids are not secrets, so the slight modulo bias is harmless (secrets use `randomBase62`).
 */
export function newRequestId(): string {
  if (offset + ID_LENGTH > pool.length) {
    randomFillSync(bytes);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = BASE62.charCodeAt(bytes[i]! % 62);
    pool = bytes.toString("latin1");
    offset = 0;
  }
  const id = `req_${pool.slice(offset, offset + ID_LENGTH)}`;
  offset += ID_LENGTH;
  return id;
}
