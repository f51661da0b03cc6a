import type { lookup } from "node:dns/promises";
import { afterEach, describe, expect, it } from "vitest";
import { overrideConfigForTests, restoreConfigForTests } from "../config";
import { checkWebhookUrl, isPrivateAddress, retryDelayMs } from ".";

afterEach(restoreConfigForTests);

describe("isPrivateAddress", () => {
  const cases = [
    {
      verdict: "refuses",
      isPrivate: true,
      addresses: [
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "fe80::1%eth0",
        "::ffff:127.0.0.1",
        "::ffff:7f00:1",
        "::ffff:10.0.0.1",
        "::ffff:a9fe:a9fe",
        "[::1]",
        "0:0:0:0:0:ffff:c0a8:0101",
        "not-an-ip",
      ],
    },
    {
      verdict: "accepts",
      isPrivate: false,
      addresses: [
        "93.184.215.14",
        "8.8.8.8",
        "172.32.0.1",
        "172.15.255.255",
        "192.169.0.1",
        "2606:4700::1111",
        "::ffff:8.8.8.8",
        "2001:db8::1",
      ],
    },
  ];
  for (const { verdict, isPrivate, addresses } of cases)
    it.each(addresses)(`${verdict} %s`, (ip) => {
      expect(isPrivateAddress(ip)).toBe(isPrivate);
    });
});

describe("checkWebhookUrl", () => {
  const resolver = (addresses: string[]) =>
    (async () =>
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }))) as unknown as typeof lookup;

  it("refuses a host when any address it resolves to is private (and non-http schemes)", async () => {
    expect(await checkWebhookUrl("https://hooks.example/a", resolver(["93.184.215.14"]))).toEqual({ ok: true });
    const mixed = await checkWebhookUrl("https://hooks.example/a", resolver(["93.184.215.14", "10.0.0.5"]));
    expect(mixed).toMatchObject({ ok: false });
    expect(mixed.ok || mixed.reason).toMatch(/10\.0\.0\.5/);
    expect(await checkWebhookUrl("http://[::ffff:7f00:1]/", resolver([]))).toMatchObject({ ok: false });
    expect(await checkWebhookUrl("ftp://hooks.example/", resolver(["93.184.215.14"]))).toMatchObject({ ok: false });
    const unresolvable = (async () => Promise.reject(new Error("ENOTFOUND"))) as unknown as typeof lookup;
    expect(await checkWebhookUrl("https://nowhere.invalid/", unresolvable)).toMatchObject({ ok: false });
  });

  it("allows private addresses with WEBHOOK_ALLOW_PRIVATE=1, but still only http(s)", async () => {
    overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });
    expect(await checkWebhookUrl("http://127.0.0.1:3000/hook", resolver([]))).toEqual({ ok: true });
    expect(await checkWebhookUrl("file:///etc/passwd", resolver([]))).toMatchObject({ ok: false });
  });
});

describe("retryDelayMs", () => {
  it("doubles from 30 s and caps at an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});
