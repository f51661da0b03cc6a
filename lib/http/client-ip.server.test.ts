import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../config";
import { db } from "../db";
import { randomBase62 } from "../ids/base62";
import { bearer, createKey, startNextServer, type NextServer } from "@/test/support";
import {
  OTHER_LOOPBACK,
  sendFrom,
  startForwardingProxy,
  type ForwardingProxy,
  type SendOptions,
} from "@/test/support/loopback";

// Over real HTTP, against the production build served as `npm start` serves it (server.mjs in front of Next.js).
// Two clients with different TCP peers: 127.0.0.1 and OTHER_LOOPBACK (127.0.0.2).

const me = (server: { url: string }, secret: string, options: SendOptions = {}) =>
  sendFrom(`${server.url}/api/v1/me`, { ...options, headers: bearer(secret, options.headers) });
const createUnclaimed = (server: { url: string }, options: SendOptions = {}) =>
  sendFrom(`${server.url}/api-keys`, {
    ...options,
    method: "POST",
    headers: { "Content-Type": "application/json", ...options.headers },
    body: "{}",
  });
const errorCode = (sent: { status: number; body: string }) =>
  `${sent.status} ${(JSON.parse(sent.body) as { error?: { code?: string } }).error?.code}`;
const createdIp = async (sent: { body: string }) =>
  (await db.apiKey.findUniqueOrThrow({ where: { id: (JSON.parse(sent.body) as { id: string }).id } })).createdIp;

describe("the client address served directly (default TRUSTED_PROXY_COUNT=0)", () => {
  let server: NextServer;
  beforeAll(async () => {
    server = await startNextServer({
      DATABASE_URL: config.DATABASE_URL,
      UNCLAIMED_KEYS_PER_IP_PER_HOUR: "2",
      FAILED_AUTH_PER_IP_PER_MINUTE: "3",
    });
  });
  afterAll(() => server?.stop());

  it("is the TCP peer for an IP allowlist: a forged X-Forwarded-For or peer header neither lets in nor shuts out", async () => {
    const forgedOnly = await createKey({ ipAllowlist: ["203.0.113.9"] });
    expect(errorCode(await me(server, forgedOnly.secret, { headers: { "X-Forwarded-For": "203.0.113.9" } }))).toBe(
      "403 ip_not_allowed",
    );
    const forgedPeer = { "X-Merchant-Console-Peer": `${randomBase62(32)} 203.0.113.9` };
    expect(errorCode(await me(server, forgedOnly.secret, { headers: forgedPeer }))).toBe("403 ip_not_allowed");

    const other = await createKey({ ipAllowlist: [OTHER_LOOPBACK] });
    expect((await me(server, other.secret, { from: OTHER_LOOPBACK })).status).toBe(200);
    const pretending = { "X-Forwarded-For": OTHER_LOOPBACK };
    expect(errorCode(await me(server, other.secret, { headers: pretending }))).toBe("403 ip_not_allowed");
    const local = await createKey({ ipAllowlist: ["127.0.0.1"] });
    expect((await me(server, local.secret, { headers: { "X-Forwarded-For": "203.0.113.9" } })).status).toBe(200);
    expect(server.output()).not.toContain("client_ip.unavailable");
  });

  it("records the peer as a key's createdIp, and counts POST /api-keys per peer whatever X-Forwarded-For says", async () => {
    const first = await createUnclaimed(server, { headers: { "X-Forwarded-For": "203.0.113.1" } });
    expect(first.status).toBe(201);
    expect(await createdIp(first)).toBe("127.0.0.1");
    expect((await createUnclaimed(server, { headers: { "X-Forwarded-For": "203.0.113.2" } })).status).toBe(201);
    const third = await createUnclaimed(server, { headers: { "X-Forwarded-For": "203.0.113.3" } });
    expect(errorCode(third)).toBe("429 rate_limited"); // UNCLAIMED_KEYS_PER_IP_PER_HOUR=2
    const elsewhere = await createUnclaimed(server, { from: OTHER_LOOPBACK });
    expect(elsewhere.status).toBe(201);
    expect(await createdIp(elsewhere)).toBe(OTHER_LOOPBACK);
  });

  it("counts unknown keys against the peer: a client naming another address in X-Forwarded-For locks out only itself", async () => {
    const aimed = { headers: { "X-Forwarded-For": OTHER_LOOPBACK } };
    for (let i = 0; i < 3; i += 1) {
      expect(errorCode(await me(server, `unknown-${randomBase62(32)}`, aimed))).toBe("401 invalid_api_key");
    }
    expect(errorCode(await me(server, `unknown-${randomBase62(32)}`, aimed))).toBe("429 rate_limited"); // past 3
    const victim = await me(server, `unknown-${randomBase62(32)}`, { from: OTHER_LOOPBACK });
    expect(errorCode(victim)).toBe("401 invalid_api_key");
  });
});

describe("the client address behind a proxy (TRUSTED_PROXY_COUNT=1)", () => {
  let server: NextServer;
  let proxy: ForwardingProxy;
  beforeAll(async () => {
    server = await startNextServer({ DATABASE_URL: config.DATABASE_URL, TRUSTED_PROXY_COUNT: "1" });
    proxy = await startForwardingProxy(server.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });

  it("is the entry the proxy appended, not the proxy's own address nor the client's entries left of it", async () => {
    const other = await createKey({ ipAllowlist: [OTHER_LOOPBACK] });
    const forged = { headers: { "X-Forwarded-For": "203.0.113.9" } };
    expect((await me(proxy, other.secret, { ...forged, from: OTHER_LOOPBACK })).status).toBe(200);
    const pretending = { headers: { "X-Forwarded-For": OTHER_LOOPBACK } };
    expect(errorCode(await me(proxy, other.secret, pretending))).toBe("403 ip_not_allowed");

    const created = await createUnclaimed(proxy, { ...forged, from: OTHER_LOOPBACK });
    expect(created.status).toBe(201);
    expect(await createdIp(created)).toBe(OTHER_LOOPBACK); // the app's TCP peer was the proxy, 127.0.0.1
  });
});

describe("the client address under a plain `next start` (no server.mjs to stamp the peer)", () => {
  it("is unknown, so an IP allowlist refuses every request, and the start logs a warning saying so", async () => {
    const server = await startNextServer({ DATABASE_URL: config.DATABASE_URL }, { plainNextStart: true });
    try {
      const local = await createKey({ ipAllowlist: ["127.0.0.1"] });
      expect(errorCode(await me(server, local.secret))).toBe("403 ip_not_allowed");
      const forged = { "X-Forwarded-For": "127.0.0.1", "X-Merchant-Console-Peer": `${randomBase62(32)} 127.0.0.1` };
      expect(errorCode(await me(server, local.secret, { headers: forged }))).toBe("403 ip_not_allowed");
    } finally {
      await server.stop();
    }
    expect(server.output()).toContain("client_ip.unavailable");
  });
});
