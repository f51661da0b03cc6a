import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { startNextServer, type NextServer } from "@/test/support";
import { freePort } from "@/test/support/next-server";
import { metricValue } from "@/test/support/metrics-text";

// Against the production build served as `npm start` serves it: the bundle finds the migrations folder, and a server
// whose database is down is alive (liveness) but not ready.

describe("the production server's probes", () => {
  let server: NextServer;
  let down: NextServer;
  const token = "server-test-metrics-token-0123";
  beforeAll(async () => {
    [server, down] = await Promise.all([
      startNextServer({ DATABASE_URL: config.DATABASE_URL, REDIS_URL: undefined, METRICS_TOKEN: token }),
      startNextServer({
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`,
        REDIS_URL: undefined,
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), down?.stop()]);
  });

  it("is ready on a migrated database, and serves its metrics", async () => {
    // As a prober does: a new process's first check also opens its database connection, which a loaded machine
    // may not manage within the check's second.
    let ready = await fetch(`${server.url}/api/ready`);
    for (let attempt = 0; attempt < 20 && ready.status === 503; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      ready = await fetch(`${server.url}/api/ready`);
    }
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok" } });
    await fetch(`${server.url}/api/v1/me`);
    const text = await (
      await fetch(`${server.url}/api/metrics`, { headers: { Authorization: `Bearer ${token}` } })
    ).text();
    expect(
      metricValue(text, 'merchant_console_http_requests_total{method="GET",route="/api/v1/me",status="401"}'),
    ).toBe(1);
    expect(metricValue(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("stays alive but is not ready while its database is unreachable", async () => {
    expect((await fetch(`${down.url}/api/health`)).status).toBe(200);
    const response = await fetch(`${down.url}/api/ready`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({
      error: {
        type: "api_error",
        code: "service_unavailable",
        message:
          "This instance is not ready: database unreachable; migrations not checked: the database did not answer.",
      },
    });
    expect(down.output()).toContain('"event":"readiness.not_ready"');
  });
});
