import { describe, expect, it } from "vitest";
import { isIpRule } from "../contract/ip-rule";
import { ipMatcher } from "./ip-allowlist";

describe("IP allowlists", () => {
  it.each(["203.0.113.7", "203.0.113.0/24", "2001:db8::/32"])("accepts the address or CIDR range %s", (rule) => {
    expect(isIpRule(rule)).toBe(true);
  });

  it.each(["203.0.113.0/33", "example.com", "1.2.3.4/8/9"])("refuses %s as an address or CIDR range", (rule) => {
    expect(isIpRule(rule)).toBe(false);
  });

  const allowed = ipMatcher(["203.0.113.0/24", "198.51.100.9", "2001:db8::/32"]);
  it.each([
    ["203.0.113.200", true],
    ["::ffff:203.0.113.5", true],
    ["198.51.100.9", true],
    ["198.51.100.10", false],
    ["2001:db8::1", true],
    ["not an ip", false],
  ])("matches addresses, ranges and IPv4-mapped IPv6: %s is allowed: %s", (ip, expected) => {
    expect(allowed(ip)).toBe(expected);
  });
});

describe("isIpRule without node:net (browser-safe)", () => {
  it("agrees with Node on tricky addresses", async () => {
    const { isIP } = await import("node:net");
    for (const address of [
      "::",
      "::1",
      "2001:db8::8a2e:370:7334",
      "1.2.3",
      "01.2.3.4",
      "256.1.1.1",
      "::ffff:1.2.3.4",
      "1::2::3",
      "gggg::1",
      "0.0.0.0",
    ]) {
      expect(isIpRule(address), address).toBe(isIP(address) !== 0);
    }
    expect(isIpRule("fe80::1%eth0")).toBe(false); // a zone id means nothing in an allowlist
  });
});
