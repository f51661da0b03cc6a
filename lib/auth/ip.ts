import { BlockList, isIP } from "node:net";
import { config } from "../config";

export { isIpRule } from "../validation/ip-rule";

/** A matcher for an allowlist of addresses and CIDR ranges (IPv4-mapped IPv6 addresses match their IPv4 rules). */
export function ipMatcher(rules: readonly string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const rule of rules) {
    const [address = "", bits] = rule.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (ip) => {
    const plain = ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
    const version = isIP(plain);
    return version !== 0 && list.check(plain, version === 6 ? "ipv6" : "ipv4");
  };
}

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
