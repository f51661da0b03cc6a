import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { config } from "../config";
import type { WebhookFailure } from "../contract/webhooks";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * What ipaddr.js's range() calls "unicast" although it is not globally reachable unicast. The IANA IPv4 and IPv6
 * Special-Purpose Address Registries' blocks all have a name in ipaddr.js 2.5; what it lacks is the IANA IPv6
 * Address Space registry: only 2000::/3 is allocated for global unicast, the rest is "Reserved by IETF"
 * (IPv4-compatible ::a.b.c.d among it) or a block ipaddr.js names itself.
 */
const MISSING_RANGES: Record<string, Array<[Address, number]>> = {
  unallocated: [ipaddr.parseCIDR("::/3"), ipaddr.parseCIDR("4000::/2"), ipaddr.parseCIDR("8000::/1")],
};

/**
 * The NAT64 well-known prefix (RFC 6052): the IPv4 address is the last 32 bits. The local-use 64:ff9b:1::/48
 * (RFC 8215, not globally reachable) keeps ipaddr.js's "rfc6052": where it carries the IPv4 address is the
 * operator's choice.
 */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");

const ipv4Of = (high = 0, low = 0) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/** The IPv4 addresses an IPv6 address carries (mapped, NAT64, 6to4, Teredo server and client), or null for none. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4[] | null {
  const parts = address.parts;
  switch (address.range()) {
    case "ipv4Mapped":
      return [address.toIPv4Address()];
    case "rfc6052":
      return address.match(NAT64_WELL_KNOWN) ? [ipv4Of(parts[6], parts[7])] : null;
    case "6to4":
      return [ipv4Of(parts[1], parts[2])];
    case "teredo": // RFC 4380: the server's address, then the client's, stored inverted
      return [ipv4Of(parts[2], parts[3]), ipv4Of(~(parts[6] ?? 0) & 0xffff, ~(parts[7] ?? 0) & 0xffff)];
    default:
      return null;
  }
}

function rangeOf(address: Address): string {
  if (address.kind() === "ipv6") {
    const carried = embeddedIpv4(address as ipaddr.IPv6);
    if (carried) return carried.map(rangeOf).find((range) => range !== "unicast") ?? "unicast";
  }
  const range = address.range();
  return range === "unicast" ? ipaddr.subnetMatch(address, MISSING_RANGES, "unicast") : range;
}

/**
 * The special-purpose range an address is in, by ipaddr.js's names ("loopback", "private", "reserved", …) or
 * MISSING_RANGES'; "unicast" for a globally reachable unicast address. An IPv6 address that carries an IPv4 address
 * has the IPv4 address's range. Anything that is not an address is "invalid".
 */
export function addressRange(ip: string): string {
  const plain = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!isIP(plain)) return "invalid";
  return rangeOf(ipaddr.parse(plain));
}

/** Whether a webhook may be sent to this address: globally reachable unicast only. */
export const isAllowedAddress = (ip: string) => addressRange(ip) === "unicast";

/** `WEBHOOK_ALLOW_PRIVATE=1` turns the address checks off (development, tests); lib/config refuses it in production. */
export const privateAddressesAllowed = () => config.WEBHOOK_ALLOW_PRIVATE;

/** Every address a host name resolves to (dns.lookup, as the connection itself resolves); tests pass their own. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

export type UrlCheck = { ok: true } | { ok: false; failure: WebhookFailure; reason: string };

const refusal = (failure: WebhookFailure, reason: string): UrlCheck => ({ ok: false, failure, reason });

/** Whether an endpoint URL may receive webhooks: http(s), and every address its host is or resolves to is allowed. */
export async function checkWebhookUrl(url: string, resolve: Resolver = systemResolver): Promise<UrlCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refusal("invalid_url", "must be an absolute http or https URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return refusal("invalid_url", "must be an http or https URL");
  if (privateAddressesAllowed()) return { ok: true };
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await resolve(host)).map((entry) => entry.address);
  } catch {
    return refusal("dns_error", "its host could not be resolved");
  }
  if (addresses.length === 0) return refusal("dns_error", "its host could not be resolved");
  const refused = addresses.map(addressRange).find((range) => range !== "unicast");
  if (refused !== undefined)
    return refusal(
      "address_not_allowed",
      `its host ${isIP(host) ? "is" : "resolves to"} an address that is not globally reachable unicast (${refused}); webhooks go to public addresses only`,
    );
  return { ok: true };
}
