import { afterEach, describe, expect, it } from "vitest";
import { config, overrideConfigForTests, restoreConfigForTests } from "@/lib/config";
import { routeTestServer } from "@/test/support";

const server = routeTestServer();
afterEach(restoreConfigForTests);

const post = (headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/demo-login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, ...headers },
  });

describe("demo sign-in", () => {
  it("does not exist without DEMO_LOGIN=1", async () => {
    expect((await post()).status).toBe(404);
    expect((await fetch(`${server.url}/api/demo-login`)).status).toBe(404);
  });

  it("with DEMO_LOGIN=1, signs in the demo user with a real session and redirects to the dashboard", async () => {
    overrideConfigForTests({ DEMO_LOGIN: "1" });
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    const response = await post();
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dashboard");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^authjs\.session-token=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Lax/);
    const merchants = await fetch(`${server.url}/api/v1/merchants`, { headers: { Cookie: cookie.split(";")[0]! } });
    expect(merchants.status).toBe(200);
    expect((await merchants.json()).items).toEqual([
      expect.objectContaining({ role: "owner", name: "Demo Merchant's team" }),
    ]);
  });
});

describe("demo sign-in under next start", () => {
  it("logs a warning at start only when DEMO_LOGIN=1, and the route exists only then", async () => {
    const { startNextServer } = await import("@/test/support");
    for (const flag of ["1", undefined]) {
      const server = await startNextServer({ DATABASE_URL: config.DATABASE_URL, DEMO_LOGIN: flag });
      const status = (
        await fetch(`${server.url}/api/demo-login`, {
          method: "POST",
          redirect: "manual",
          headers: { Origin: server.url },
        })
      ).status;
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the batched log line reach the pipe
      await server.stop();
      expect(status).toBe(flag ? 303 : 404);
      expect(server.output().includes("demo_login.enabled")).toBe(Boolean(flag));
    }
  });
});
