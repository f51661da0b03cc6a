import { afterEach, describe, expect, it } from "vitest";
import { overrideConfigForTests, restoreConfigForTests } from "@/lib/config";
import { authRuntime } from "@/lib/keys";
import { bearer, createKey, routeTestServer } from "@/test/support";
import { metricValue } from "@/test/support/metrics-text";

const server = routeTestServer();
const TOKEN = "metrics-token-for-tests-0123456789";

const scrape = (headers: Record<string, string> = bearer(TOKEN)) => fetch(`${server.url}/api/metrics`, { headers });

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json()) as { error: { type: string; code: string; requestId: string } };
  expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  return `${response.status} ${body.error.type} ${body.error.code}`;
}

afterEach(() => restoreConfigForTests());

describe("GET /api/metrics", () => {
  it("does not exist without METRICS_TOKEN", async () => {
    overrideConfigForTests({ METRICS_TOKEN: undefined });
    expect(await errorOf(await scrape())).toBe("404 not_found metrics_disabled");
  });

  it("refuses a request without the token, or with a wrong one", async () => {
    overrideConfigForTests({ METRICS_TOKEN: TOKEN });
    for (const headers of [{}, bearer(`${TOKEN}x`), bearer(TOKEN.slice(0, -1)), { Authorization: TOKEN }]) {
      const response = await scrape(headers);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await errorOf(response)).toBe("401 authentication invalid_metrics_token");
    }
  });

  it("serves the text format with the app's metrics and the process's", async () => {
    overrideConfigForTests({ METRICS_TOKEN: TOKEN });
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of [
      "merchant_console_http_requests_total",
      "merchant_console_http_request_duration_seconds",
      "merchant_console_key_cache_hits_total",
      "merchant_console_key_cache_misses_total",
      "merchant_console_key_cache_evictions_total",
      "merchant_console_key_cache_entries",
      "merchant_console_key_cache_max_entries",
      "merchant_console_rate_limit_decisions_total",
      "merchant_console_key_invalidations_total",
      "merchant_console_webhook_queue_depth",
      "merchant_console_webhook_attempts_total",
      "merchant_console_batch_flushes_total",
      "merchant_console_batch_flush_rows_total",
      "merchant_console_batch_flush_failures_total",
      "merchant_console_batch_flush_duration_seconds",
      "process_cpu_user_seconds_total",
      "nodejs_heap_size_used_bytes",
    ])
      expect(text, name).toContain(`# TYPE ${name} `);
    expect(metricValue(text, "merchant_console_key_cache_max_entries")).toBe(10_000);
    expect(metricValue(text, "merchant_console_webhook_queue_depth")).toBeGreaterThanOrEqual(0);
  });

  it("counts requests by operation and status, key cache hits and misses, rate-limit decisions and usage flushes", async () => {
    overrideConfigForTests({ METRICS_TOKEN: TOKEN });
    const { secret } = await createKey();
    const before = await (await scrape()).text();
    const me = (headers: Record<string, string>) => fetch(`${server.url}/api/v1/me`, { headers });
    for (let i = 0; i < 3; i += 1) expect((await me(bearer(secret))).status).toBe(200);
    expect((await me({})).status).toBe(401);
    const missing = await fetch(`${server.url}/api/v1/payment_links/plink_nosuchlink`, { headers: bearer(secret) });
    expect(missing.status).toBe(404);
    await authRuntime.usage.flush();
    const after = await (await scrape()).text();

    const moved = (series: string) => metricValue(after, series) - metricValue(before, series);
    expect(moved('merchant_console_http_requests_total{method="GET",route="/api/v1/me",status="200"}')).toBe(3);
    expect(moved('merchant_console_http_requests_total{method="GET",route="/api/v1/me",status="401"}')).toBe(1);
    expect(moved('merchant_console_http_request_duration_seconds_count{method="GET",route="/api/v1/me"}')).toBe(4);
    expect(moved("merchant_console_key_cache_misses_total")).toBe(1);
    expect(moved("merchant_console_key_cache_hits_total")).toBe(3);
    expect(moved('merchant_console_rate_limit_decisions_total{limit="api_key",decision="allowed"}')).toBe(4);
    expect(moved('merchant_console_batch_flushes_total{batch="usage"}')).toBe(1);
    expect(moved('merchant_console_batch_flush_rows_total{batch="usage"}')).toBe(1);
    expect(metricValue(after, "merchant_console_key_cache_entries")).toBeGreaterThanOrEqual(1);
    // The route is the operation's path pattern, never the path requested: the ids in URLs make no new series.
    expect(
      moved('merchant_console_http_requests_total{method="GET",route="/api/v1/payment_links/{id}",status="404"}'),
    ).toBe(1);
    expect(after).not.toContain("plink_nosuchlink");
  });
});
