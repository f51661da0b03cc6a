import { isIP } from "node:net";
import { config } from "../config";
import { stampedPeer } from "./peer.mjs";

/**
 * The caller's address: the client IP of IP allowlists, per-IP limits and audit events. The chain of addresses is
 * the X-Forwarded-For entries followed by the TCP peer, which the server stamped on the request (./peer.mjs). With no
 * trusted proxy (TRUSTED_PROXY_COUNT=0, served directly) the client is the peer and X-Forwarded-For is ignored, since
 * the client wrote it; with N trusted proxies, it is the N-th X-Forwarded-For entry from the right, the one the
 * outermost trusted proxy appended. Fails closed: null without a stamped peer, or with fewer entries than proxies.
 */
export function clientIp(headers: Headers, trustedProxies = config.TRUSTED_PROXY_COUNT): string | null {
  const peer = stampedPeer(headers);
  if (peer === null) return null;
  if (trustedProxies === 0) return address(peer);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = forwarded[forwarded.length - trustedProxies];
  return entry === undefined ? null : address(entry);
}

/** An IP address as allowlists and records hold it (IPv4-mapped IPv6 as plain IPv4), or null for anything else. */
function address(entry: string): string | null {
  const ip = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(entry)?.[1] ?? entry;
  return isIP(ip) ? ip : null;
}
