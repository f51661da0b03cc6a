import { afterEach, describe, expect, it } from "vitest";
import { overrideConfigForTests, restoreConfigForTests } from "../config";
import { isSameOrigin } from "./csrf";

const request = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/v1/applications", { method: "POST", headers });

afterEach(restoreConfigForTests);

describe("isSameOrigin", () => {
  it("accepts an Origin that names this server's Host, or AUTH_URL", () => {
    expect(isSameOrigin(request({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(true);
    overrideConfigForTests({ AUTH_URL: "https://console.example" });
    expect(isSameOrigin(request({ origin: "https://console.example", host: "10.0.0.5:3000" }))).toBe(true);
  });

  it("refuses another origin, a missing Origin and garbage", () => {
    expect(isSameOrigin(request({ origin: "https://evil.example", host: "console.example" }))).toBe(false);
    expect(isSameOrigin(request({ host: "console.example" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "null", host: "console.example" }))).toBe(false);
  });
});
