// Browser-safe (no node:net): the dashboard's forms validate with the same schemas as the routes.
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function ipVersion(address: string): 0 | 4 | 6 {
  if (IPV4.test(address)) return 4;
  if (!address.includes(":") || /[^0-9A-Fa-f:.]/.test(address)) return 0;
  try {
    // The URL parser validates IPv6 literals exactly (and normalizes them).
    return new URL(`http://[${address}]/`).hostname.length > 2 ? 6 : 0;
  } catch {
    return 0;
  }
}

/** True when `rule` is an IPv4/IPv6 address or a CIDR range such as 203.0.113.0/24 or 2001:db8::/32. */
export function isIpRule(rule: string): boolean {
  const [address, bits, extra] = rule.split("/");
  const version = ipVersion(address ?? "");
  if (version === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix >= 0 && prefix <= (version === 4 ? 32 : 128);
}
