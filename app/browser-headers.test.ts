import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { startNextServer, type NextServer } from "@/test/support";

// The pages' headers come from proxy.ts and next.config.ts, which only `next start` runs (it needs `npm run build`).
const PAGES = ["/", "/docs/api", "/no-such-page"];

function nonceOf(response: Response): string {
  const policy = response.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  if (!nonce) throw new Error(`no nonce in the CSP of ${response.url}: ${policy}`);
  return nonce;
}

function expectStaticHeaders(response: Response) {
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
}

describe("browser headers under next start", () => {
  let server: NextServer;
  beforeAll(async () => {
    server = await startNextServer({ DATABASE_URL: config.DATABASE_URL, AUTH_URL: undefined });
  });
  afterAll(() => server?.stop());
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

  it.each(PAGES)("%s sends a CSP whose fresh nonce is on every script, and no HSTS over HTTP", async (path) => {
    const response = await get(path);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).not.toContain("unsafe");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expectStaticHeaders(response);

    const nonce = nonceOf(response);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    expect(nonceOf(await get(path))).not.toBe(nonce);
  });

  it("sends HSTS and upgrades insecure requests when the TLS proxy says HTTPS", async () => {
    const response = await get("/", { "X-Forwarded-Proto": "https" });
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("gives the API nosniff and the static headers, but no page CSP and no proxy pass", async () => {
    for (const path of ["/api/v1/me", "/api/health"]) {
      const response = await get(path, { "X-Forwarded-Proto": "https" });
      expectStaticHeaders(response);
      expect(response.headers.get("content-security-policy")).toBeNull();
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
  });
});

describe("browser headers with an https AUTH_URL", () => {
  it("sends HSTS on the pages even when the request reached the app as plain HTTP", { timeout: 120_000 }, async () => {
    const server = await startNextServer({ DATABASE_URL: config.DATABASE_URL, AUTH_URL: "https://console.example" });
    try {
      const response = await fetch(`${server.url}/`);
      expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    } finally {
      await server.stop();
    }
  });
});
