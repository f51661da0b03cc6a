import { BlockList, isIP } from "node:net";

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
