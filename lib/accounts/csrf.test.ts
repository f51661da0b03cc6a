import { afterEach, describe, expect, it } from "vitest";
import { overrideConfigForTests, restoreConfigForTests } from "../config";
import { appOrigin, isSameOrigin } from "./csrf";

const request = (headers: Record<string, string>, url = "http://localhost:3000/api/v1/applications") =>
  new Request(url, { method: "POST", headers });

afterEach(restoreConfigForTests);

describe("isSameOrigin", () => {
  it("accepts an Origin that is this server's origin, or AUTH_URL's", () => {
    overrideConfigForTests({ AUTH_URL: undefined });
    expect(isSameOrigin(request({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(true);
    overrideConfigForTests({ AUTH_URL: "https://console.example" });
    expect(isSameOrigin(request({ origin: "https://console.example", host: "10.0.0.5:3000" }))).toBe(true);
  });

  it("refuses another origin, a missing Origin and garbage", () => {
    overrideConfigForTests({ AUTH_URL: undefined });
    expect(isSameOrigin(request({ origin: "https://evil.example", host: "console.example" }))).toBe(false);
    expect(isSameOrigin(request({ host: "console.example" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "null", host: "console.example" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "http://console.example" }))).toBe(false); // no Host: nothing to compare
  });

  it("compares the scheme and the port too, not only the host", () => {
    overrideConfigForTests({ AUTH_URL: undefined });
    const host = { host: "127.0.0.1:3000" };
    expect(isSameOrigin(request({ origin: "https://127.0.0.1:3000", ...host }))).toBe(false);
    expect(isSameOrigin(request({ origin: "http://127.0.0.1:3001", ...host }))).toBe(false);
    expect(isSameOrigin(request({ origin: "http://127.0.0.1", ...host }))).toBe(false);
    // Behind a TLS proxy the scheme is X-Forwarded-Proto's, whatever the request URL says.
    const proxied = { ...host, "x-forwarded-proto": "https" };
    expect(isSameOrigin(request({ origin: "https://127.0.0.1:3000", ...proxied }))).toBe(true);
    expect(isSameOrigin(request({ origin: "http://127.0.0.1:3000", ...proxied }))).toBe(false);
    expect(
      isSameOrigin(request({ origin: "https://console.example", host: "console.example:443" }, "https://x/")),
    ).toBe(true);
  });

  it("with AUTH_URL, accepts its origin only: not the Host header's, not another scheme", () => {
    overrideConfigForTests({ AUTH_URL: "http://localhost:3000" });
    expect(isSameOrigin(request({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(request({ origin: "https://localhost:3000", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(false);
    expect(appOrigin(request({ host: "10.0.0.5" }))).toBe("http://localhost:3000");
  });

  it("refuses Sec-Fetch-Site other than same-origin, even with a matching Origin", () => {
    overrideConfigForTests({ AUTH_URL: undefined });
    const ours = { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" };
    expect(isSameOrigin(request({ ...ours, "sec-fetch-site": "same-origin" }))).toBe(true);
    for (const site of ["cross-site", "same-site", "none"]) {
      expect(isSameOrigin(request({ ...ours, "sec-fetch-site": site })), site).toBe(false);
    }
  });
});
