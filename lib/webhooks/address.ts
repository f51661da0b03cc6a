import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { config } from "../config";

// Addresses a webhook must never reach: the server itself, its private networks and the cloud metadata service.
const refused = new BlockList();
for (const [network, bits] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  refused.addSubnet(network, bits, "ipv4");
}
for (const [network, bits] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  refused.addSubnet(network, bits, "ipv6");
}

/** The 8 hextets of an IPv6 address (`::` expanded, a dotted IPv4 tail converted). */
function hextets(ip: string): number[] {
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  let text = ip;
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split(".").map(Number);
    text = `${ip.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** An IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) IPv6 address as the IPv4 address it carries. */
function embeddedIpv4(ip: string): string | null {
  const groups = hextets(ip);
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  if (g0 || g1 || g2 || g3 || g4 || (g5 !== 0xffff && g5 !== 0)) return null;
  if (g5 === 0 && g6 === 0) return null; // :: and ::1 are IPv6 addresses of their own
  return [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff].join(".");
}

/** True for loopback, private, link-local, unspecified, multicast and reserved addresses, in any IPv4 or IPv6 form. */
export function isPrivateAddress(ip: string): boolean {
  const plain = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const version = isIP(plain);
  if (version === 4) return refused.check(plain, "ipv4");
  if (version === 6) {
    const ipv4 = embeddedIpv4(plain);
    return ipv4 ? refused.check(ipv4, "ipv4") : refused.check(plain, "ipv6");
  }
  return true; // not an address at all: never deliverable
}

/** `WEBHOOK_ALLOW_PRIVATE=1` lets endpoints on this machine or its network receive webhooks (development, tests). */
export const privateAddressesAllowed = () => config.WEBHOOK_ALLOW_PRIVATE;

export type UrlCheck = { ok: true } | { ok: false; reason: string };

/** Whether an endpoint URL may receive webhooks: http(s), and every address its host resolves to is public. */
export async function checkWebhookUrl(url: string, resolve: typeof lookup = lookup): Promise<UrlCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: "must be an absolute http or https URL" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return { ok: false, reason: "must be an http or https URL" };
  if (privateAddressesAllowed()) return { ok: true };
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host)
      ? [host]
      : (await resolve(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return { ok: false, reason: `its host ${host} could not be resolved` };
  }
  const privateOne = addresses.find(isPrivateAddress);
  if (addresses.length === 0 || privateOne !== undefined) {
    return {
      ok: false,
      reason: `resolves to a loopback, private or link-local address (${privateOne ?? "none"}); webhooks go to public addresses only`,
    };
  }
  return { ok: true };
}
