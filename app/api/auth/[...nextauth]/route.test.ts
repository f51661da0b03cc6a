import { describe, expect, it } from "vitest";
import { routeTestServer } from "@/test/support";

const server = routeTestServer();

describe("Auth.js routes", () => {
  it.each(["/api/auth/signin", "/api/auth/signin/github"])(
    "%s with a javascript: callbackUrl lands on the sign-in page, not a 500",
    async (path) => {
      for (const callbackUrl of ["javascript:alert(1)", "data:text/html,hi", "vbscript:x"]) {
        const response = await fetch(`${server.url}${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
          redirect: "manual",
        });
        expect(response.status).toBeLessThan(500);
        const location = response.headers.get("location") ?? "";
        expect(location).not.toContain(callbackUrl.split(":")[0] + "%3A");
        expect(location).not.toContain("javascript:");
      }
    },
  );

  it("keeps a callbackUrl that is a path of this app", async () => {
    const response = await fetch(`${server.url}/api/auth/signin?callbackUrl=%2Fdashboard%2Fapi-keys`, {
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(decodeURIComponent(response.headers.get("location") ?? "")).toContain("/dashboard/api-keys");
  });
});
