import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttps, newNonce } from "./browser-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d] as const));

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce in production, with no eval and no inline styles", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==", development: false, https: false }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("style-src 'self' 'nonce-abc123=='");
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("form-action")).toBe("form-action 'self'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect([...policy.values()].join("; ")).not.toMatch(/unsafe/);
  });

  it("adds eval and inline styles for next dev only, and upgrades insecure requests over HTTPS", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", development: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toBe("style-src 'self' 'unsafe-inline'");
    const https = directives(contentSecurityPolicy({ nonce: "n", development: false, https: true }));
    expect(https.has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("isHttps", () => {
  const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers: new Headers(headers) });
  it("is true when the TLS proxy, AUTH_URL or the request itself says https", () => {
    expect(isHttps(request("http://10.0.0.5:3000/", { "x-forwarded-proto": "https" }), undefined)).toBe(true);
    expect(isHttps(request("http://10.0.0.5:3000/", { "x-forwarded-proto": "https, http" }), undefined)).toBe(true);
    expect(isHttps(request("http://10.0.0.5:3000/"), "https://console.example")).toBe(true);
    expect(isHttps(request("https://console.example/"), undefined)).toBe(true);
  });
  it("is false for plain HTTP", () => {
    expect(isHttps(request("http://localhost:3000/"), undefined)).toBe(false);
    expect(isHttps(request("http://localhost:3000/", { "x-forwarded-proto": "http" }), undefined)).toBe(false);
    expect(isHttps(request("http://localhost:3000/"), "http://localhost:3000")).toBe(false);
  });
});
