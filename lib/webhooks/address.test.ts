import { afterEach, describe, expect, it } from "vitest";
import { overrideConfigForTests, restoreConfigForTests } from "../config";
import { addressRange, checkWebhookUrl, isAllowedAddress, type Resolver } from ".";

afterEach(restoreConfigForTests);

// Classification only: nothing here opens a connection.
describe("addressRange", () => {
  it.each([
    // Issue #14 item 3: accepted before, each one not globally reachable unicast.
    ["192.0.2.2", "reserved"], // TEST-NET-1, documentation
    ["198.51.100.1", "reserved"], // TEST-NET-2
    ["203.0.113.1", "reserved"], // TEST-NET-3
    ["192.88.99.1", "reserved"], // 6to4 relay anycast, deprecated
    ["[2001:db8::1]", "reserved"], // documentation
    ["[100::1]", "discard"], // discard-only
    ["[fec0::1]", "deprecatedSiteLocal"],
    ["[64:ff9b::7f00:1]", "loopback"], // NAT64 of 127.0.0.1
    ["[2002:7f00:1::]", "loopback"], // 6to4 of 127.0.0.1
    ["[::ffff:0:7f00:1]", "rfc6145"], // IPv4-translated
    // Refused before too.
    ["127.0.0.1", "loopback"],
    ["127.1.2.3", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["0.0.0.0", "unspecified"],
    ["100.64.0.1", "carrierGradeNat"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["198.18.0.1", "reserved"], // benchmarking
    ["240.0.0.1", "reserved"],
    ["192.0.0.8", "reserved"], // IETF protocol assignments
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fd00::1", "uniqueLocal"],
    ["fe80::1", "linkLocal"],
    ["fe80::1%eth0", "linkLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:a9fe:a9fe", "linkLocal"],
    ["0:0:0:0:0:ffff:c0a8:0101", "private"],
    // Outside what ipaddr.js names: the table of the ranges it misses, and the embedded IPv4 forms.
    ["::7f00:1", "unallocated"], // IPv4-compatible, deprecated
    ["4000::1", "unallocated"],
    ["64:ff9b:1::808:808", "rfc6052"], // local-use NAT64
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"], // Teredo (RFC 4380's example) of client 192.0.2.45
    ["2001:2::1", "benchmarking"],
    ["not-an-ip", "invalid"],
  ])("refuses %s (%s)", (ip, range) => {
    expect(addressRange(ip)).toBe(range);
    expect(isAllowedAddress(ip)).toBe(false);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "172.15.255.255",
    "192.169.0.1",
    "2606:4700::1111",
    "[2001:4860:4860::8888]",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808", // NAT64 of 8.8.8.8
    "2002:808:808::1", // 6to4 of 8.8.8.8
    "2001:0:4136:e378:8000:63bf:f7f7:f7f7", // Teredo of client 8.8.8.8
  ])("allows %s", (ip) => {
    expect(addressRange(ip)).toBe("unicast");
    expect(isAllowedAddress(ip)).toBe(true);
  });
});

describe("checkWebhookUrl", () => {
  const resolver =
    (addresses: string[]): Resolver =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  const unresolvable: Resolver = () => Promise.reject(new Error("getaddrinfo ENOTFOUND nowhere.invalid"));

  it("refuses a host when any address it resolves to is not globally reachable unicast", async () => {
    expect(await checkWebhookUrl("https://hooks.example/a", resolver(["93.184.216.34"]))).toEqual({ ok: true });
    for (const address of ["10.0.0.5", "192.0.2.2", "2001:db8::1", "64:ff9b::7f00:1"]) {
      const mixed = await checkWebhookUrl("https://hooks.example/a", resolver(["93.184.216.34", address]));
      expect(mixed).toMatchObject({ ok: false, failure: "address_not_allowed" });
      // The reason names the range, never the address a name resolved to.
      expect(mixed.ok || mixed.reason).not.toContain(address);
    }
    expect(await checkWebhookUrl("http://[::ffff:7f00:1]/", resolver([]))).toMatchObject({
      failure: "address_not_allowed",
    });
    expect(await checkWebhookUrl("http://192.0.2.2/", resolver([]))).toMatchObject({ failure: "address_not_allowed" });
  });

  it("refuses a host that does not resolve, and schemes other than http(s)", async () => {
    expect(await checkWebhookUrl("https://nowhere.invalid/", unresolvable)).toMatchObject({ failure: "dns_error" });
    expect(await checkWebhookUrl("https://empty.invalid/", resolver([]))).toMatchObject({ failure: "dns_error" });
    expect(await checkWebhookUrl("ftp://hooks.example/", resolver(["93.184.216.34"]))).toMatchObject({
      failure: "invalid_url",
    });
  });

  it("allows any address with WEBHOOK_ALLOW_PRIVATE=1, but still only http(s)", async () => {
    overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });
    expect(await checkWebhookUrl("http://127.0.0.1:3000/hook", resolver([]))).toEqual({ ok: true });
    expect(await checkWebhookUrl("file:///etc/passwd", resolver([]))).toMatchObject({ ok: false });
  });
});
