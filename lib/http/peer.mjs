// How the server in front of Next.js (server.mjs, and test/support/http-server.ts for the route tests) tells the app
// the address of a request's TCP peer, which route handlers cannot see. The server writes one header on every request
// before Next.js reads it, replacing any copy the client sent: `<token> <address>`. The token is random, made once
// per process and kept only in its memory, so a request that reached Next.js without passing that server (plain
// `next start`) cannot carry a value the app accepts. Plain JavaScript, so that server.mjs runs without a TypeScript
// loader; peer.d.mts gives its types.
import { randomBytes, timingSafeEqual } from "node:crypto";

export const PEER_HEADER = "x-merchant-console-peer";

// On globalThis: server.mjs (loaded by Node) and the app (bundled by Next.js) each have their own copy of this module.
const TOKEN = Symbol.for("merchant-console.http.peerToken");

export function peerStamper() {
  const token = (globalThis[TOKEN] ??= randomBytes(24).toString("base64url"));
  return (headers, peer) => {
    headers[PEER_HEADER] = `${token} ${peer ?? ""}`;
  };
}

export function peerStamping() {
  return globalThis[TOKEN] !== undefined;
}

export function stampedPeer(headers) {
  const token = globalThis[TOKEN];
  const value = token === undefined ? null : headers.get(PEER_HEADER);
  if (value === null || value.charAt(token.length) !== " ") return null;
  // Header values are Latin-1: both buffers are token.length bytes long.
  const given = Buffer.from(value.slice(0, token.length), "latin1");
  return timingSafeEqual(given, Buffer.from(token, "latin1")) ? value.slice(token.length + 1) : null;
}
