import { isIP } from "node:net";
import { config } from "../config";

/**
 * The caller's address. Route handlers cannot see the socket, so this reads X-Forwarded-For, which Next.js fills
 * from the socket when absent and a reverse proxy appends to. TRUSTED_PROXY_COUNT (default 1: the server itself or
 * one proxy) says how many entries from the right were written by infrastructure we trust.
 */
export function clientIp(headers: Headers, trustedProxies = config.TRUSTED_PROXY_COUNT): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[Math.max(0, entries.length - Math.max(1, trustedProxies))];
  return entry && isIP(entry.replace(/^::ffff:/, "")) ? entry : null;
}
