import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { PEER_HEADER, peerStamper, peerStamping } from "./peer.mjs";

/** The headers the app sees once the server has stamped a request that came from `peer` with `sent`. */
function stamped(peer: string | undefined, sent: Record<string, string> = {}): Headers {
  const headers: IncomingHttpHeaders = { ...sent };
  peerStamper()(headers, peer);
  return new Headers(headers as Record<string, string>);
}

// First: nothing in this process has made a stamper yet, as under a plain `next start`.
describe("clientIp without the server that stamps the peer", () => {
  it("is null whatever the client sent", () => {
    expect(peerStamping()).toBe(false);
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9", [PEER_HEADER]: "anything 203.0.113.9" });
    expect(clientIp(headers, 0)).toBeNull();
    expect(clientIp(headers, 1)).toBeNull();
  });
});

describe("clientIp", () => {
  it("served directly (no trusted proxy), is the TCP peer: X-Forwarded-For is the client's own and is ignored", () => {
    expect(clientIp(stamped("127.0.0.1", { "x-forwarded-for": "203.0.113.9" }), 0)).toBe("127.0.0.1");
    expect(clientIp(stamped("::ffff:198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientIp(stamped("2001:db8::1"), 0)).toBe("2001:db8::1");
    expect(clientIp(stamped(undefined), 0)).toBeNull(); // a socket already closed
  });

  it("behind N trusted proxies, is the N-th X-Forwarded-For entry from the right, or null if there are fewer", () => {
    const headers = stamped("10.0.0.2", { "x-forwarded-for": "192.0.2.1, 203.0.113.9,10.0.0.1" });
    expect(clientIp(headers, 1)).toBe("10.0.0.1");
    expect(clientIp(headers, 2)).toBe("203.0.113.9");
    expect(clientIp(headers, 3)).toBe("192.0.2.1");
    expect(clientIp(headers, 4)).toBeNull();
    expect(clientIp(stamped("10.0.0.2"), 1)).toBeNull();
    expect(clientIp(stamped("10.0.0.2", { "x-forwarded-for": "garbage" }), 1)).toBeNull();
  });

  it("takes the peer only from the server's stamp: a client's copy is replaced, a value without the token refused", () => {
    expect(clientIp(stamped("127.0.0.1", { [PEER_HEADER]: "forged 203.0.113.9" }), 0)).toBe("127.0.0.1");
    for (const value of ["203.0.113.9", `${"A".repeat(32)} 203.0.113.9`, "", " 203.0.113.9", "é".repeat(40)]) {
      expect(clientIp(new Headers({ [PEER_HEADER]: value }), 0), value).toBeNull();
    }
  });
});
