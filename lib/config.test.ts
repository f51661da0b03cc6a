import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { configNames, parseConfig } from "./config";

describe("parseConfig", () => {
  it("gives every unset variable the default the code had before it was declared here", () => {
    expect(parseConfig({})).toEqual({
      PORT: 3000,
      REDIS_PREFIX: "mc:",
      INVALIDATION_ACK_TIMEOUT_MS: 250,
      KEY_CACHE_DEGRADED_TTL_MS: 2000,
      APP_URL: "http://localhost:3000",
      DEMO_LOGIN: false,
      APPLICATION_KEY_LIMIT: 25,
      FREE_PLAN_KEY_LIMIT: 10,
      UNCLAIMED_KEY_TTL_DAYS: 30,
      UNCLAIMED_KEY_RATE_LIMIT: 60,
      UNCLAIMED_KEYS_PER_IP_PER_HOUR: 10,
      FAILED_AUTH_PER_IP_PER_MINUTE: 30,
      LINK_ATTEMPTS_PER_USER_PER_HOUR: 20,
      API_RATE_LIMIT_PER_MINUTE: 600,
      TRUSTED_PROXY_COUNT: 0,
      LOG_LEVEL: "info",
      WEBHOOK_ALLOW_PRIVATE: false,
      WEBHOOK_WORKER: true,
      WEBHOOK_WORKER_INTERVAL_MS: 2000,
      WEBHOOK_TIMEOUT_MS: 10_000,
      WEBHOOK_CLAIM_MS: 60_000,
      MAINTENANCE_INTERVAL_MS: 3_600_000,
      REQUEST_LOG_RETENTION_DAYS: 14,
      KEY_CACHE_MAX_ENTRIES: 10_000,
      KEY_CACHE_TTL_MS: 300_000,
      SHUTDOWN_DELAY_MS: 0,
      SHUTDOWN_TIMEOUT_MS: 10_000,
      NEXT_MANUAL_SIG_HANDLE: false,
      NEXT_DIST_DIR: ".next",
      SKIP_BUILD_TYPECHECK: false,
      DEBUG_MIGRATE: false,
      TEST_DB_ENGINE: "sqlite",
      E2E_PORT: 3100,
      FAKE_GITHUB_PORT: 3199,
      FUZZ_RUNS: 12,
      FUZZ_SEED: 20261201,
      CI: false,
      BENCH_DURATION: "2s",
      BENCH_CONNECTIONS: 10,
      BENCH_ROUNDS: 20,
      BENCH_WARMUP: "10s",
      BENCH_PIN: true,
      BENCH_PRIORITY: true,
      BENCH_VERBOSE: false,
    });
  });

  it("refuses a bad number with a sentence naming the variable and the value", () => {
    expect(() => parseConfig({ PORT: "abc" })).toThrow(
      'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc").',
    );
    expect(() => parseConfig({ API_RATE_LIMIT_PER_MINUTE: "-5" })).toThrow(
      'Invalid configuration: API_RATE_LIMIT_PER_MINUTE must be a whole number of at least 1 (got "-5").',
    );
    for (const value of ["0", "1.5", "ten", "Infinity"]) {
      expect(() => parseConfig({ FREE_PLAN_KEY_LIMIT: value })).toThrow(
        `FREE_PLAN_KEY_LIMIT must be a whole number of at least 1 (got "${value}")`,
      );
    }
    expect(() => parseConfig({ WEBHOOK_WORKER_INTERVAL_MS: String(2 ** 31) })).toThrow(/WEBHOOK_WORKER_INTERVAL_MS/);
    // A proxy count may be 0: served directly.
    expect(parseConfig({ TRUSTED_PROXY_COUNT: "0" }).TRUSTED_PROXY_COUNT).toBe(0);
    expect(parseConfig({ TRUSTED_PROXY_COUNT: "2" }).TRUSTED_PROXY_COUNT).toBe(2);
    expect(() => parseConfig({ TRUSTED_PROXY_COUNT: "-1" })).toThrow(
      'TRUSTED_PROXY_COUNT must be a whole number of at least 0 (got "-1")',
    );
  });

  it("names every bad variable in one message", () => {
    expect(() => parseConfig({ PORT: "abc", LOG_LEVEL: "debug", AUTH_URL: "console.example" })).toThrow(
      'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc"); AUTH_URL must be an absolute http:// or https:// URL (got "console.example"); LOG_LEVEL must be info, warn or error (got "debug").',
    );
  });

  it("reads numbers as Number() did, and an empty value as unset", () => {
    expect(parseConfig({ APPLICATION_KEY_LIMIT: "2", PORT: " 8080 " })).toMatchObject({
      APPLICATION_KEY_LIMIT: 2,
      PORT: 8080,
    });
    const empty = parseConfig({ API_RATE_LIMIT_PER_MINUTE: "", AUTH_SECRET: "", APP_URL: "" });
    expect(empty).toMatchObject({ API_RATE_LIMIT_PER_MINUTE: 600, APP_URL: "http://localhost:3000" });
    expect(empty.AUTH_SECRET).toBeUndefined();
  });

  it("reads flags as 1 (on) or 0 (off) and refuses anything else rather than guess", () => {
    expect(parseConfig({ DEMO_LOGIN: "1", WEBHOOK_WORKER: "0" })).toMatchObject({
      DEMO_LOGIN: true,
      WEBHOOK_WORKER: false,
    });
    expect(parseConfig({ DEMO_LOGIN: "0", WEBHOOK_WORKER: "1" })).toMatchObject({
      DEMO_LOGIN: false,
      WEBHOOK_WORKER: true,
    });
    expect(() => parseConfig({ DEMO_LOGIN: "true" })).toThrow('DEMO_LOGIN must be 1 or 0 (got "true")');
    // What Next.js and CI services read as set: any value.
    expect(parseConfig({ NEXT_MANUAL_SIG_HANDLE: "true", CI: "1" })).toMatchObject({
      NEXT_MANUAL_SIG_HANDLE: true,
      CI: true,
    });
  });

  it("refuses WEBHOOK_ALLOW_PRIVATE=1 in production, where it would let webhooks reach the server's own network", () => {
    expect(parseConfig({ WEBHOOK_ALLOW_PRIVATE: "1", NODE_ENV: "test" })).toMatchObject({
      WEBHOOK_ALLOW_PRIVATE: true,
    });
    expect(parseConfig({ WEBHOOK_ALLOW_PRIVATE: "0", NODE_ENV: "production" })).toMatchObject({
      WEBHOOK_ALLOW_PRIVATE: false,
    });
    expect(() => parseConfig({ WEBHOOK_ALLOW_PRIVATE: "1", NODE_ENV: "production" })).toThrow(
      'Invalid configuration: WEBHOOK_ALLOW_PRIVATE must not be 1 in production (got "1").',
    );
  });

  it("checks URLs, and never repeats a value that may hold a password", () => {
    expect(parseConfig({ DATABASE_URL: "file:.data/x.db", AUTH_URL: "https://console.example" })).toMatchObject({
      DATABASE_URL: "file:.data/x.db",
      AUTH_URL: "https://console.example",
    });
    const refusal = () => parseConfig({ DATABASE_URL: "mysql://app:hunter2@db/console" });
    expect(refusal).toThrow(
      "Invalid configuration: DATABASE_URL must start with postgres://, postgresql:// or file: (value not shown).",
    );
    expect(refusal).not.toThrow(/hunter2/);
    expect(() => parseConfig({ METRICS_TOKEN: "short-secret" })).toThrow(
      "Invalid configuration: METRICS_TOKEN must be at least 16 characters (value not shown).",
    );
  });

  it("returns a frozen object of the declared variables only", () => {
    const config = parseConfig({ PATH: "/usr/bin", HOME: "/root" });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.keys(config).every((name) => (configNames as string[]).includes(name))).toBe(true);
  });
});

describe("config", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("is parsed from process.env when the module is first imported: a bad value fails the import", async () => {
    vi.resetModules();
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "-5");
    await expect(import("./config")).rejects.toThrow(
      'Invalid configuration: API_RATE_LIMIT_PER_MINUTE must be a whole number of at least 1 (got "-5").',
    );
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "120");
    vi.resetModules();
    const { config } = await import("./config");
    expect(config.API_RATE_LIMIT_PER_MINUTE).toBe(120);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("lets tests override variables through the same parser, cumulatively, until restored", async () => {
    vi.resetModules();
    const fresh = await import("./config");
    fresh.overrideConfigForTests({ APPLICATION_KEY_LIMIT: "2" });
    fresh.overrideConfigForTests({ DEMO_LOGIN: "1" });
    expect(fresh.config).toMatchObject({ APPLICATION_KEY_LIMIT: 2, DEMO_LOGIN: true });
    expect(() => fresh.overrideConfigForTests({ LOG_LEVEL: "debug" })).toThrow(/LOG_LEVEL must be info, warn or error/);
    fresh.restoreConfigForTests();
    expect(fresh.config).toMatchObject({ APPLICATION_KEY_LIMIT: 25, DEMO_LOGIN: false });
  });
});

/** README.md's "Configuration" table: its header row, and the names in the first cell of each other row. */
function readmeConfigurationTable(): { header: string; names: string[] } {
  const readme = readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
  const section = readme.split(/^## Configuration\n/m)[1]?.split(/^## /m)[0] ?? "";
  const [header = "", , ...rows] = section.split("\n").filter((line) => line.startsWith("|"));
  const names = rows.flatMap((row) => {
    const cell = row.split("|")[1]?.trim() ?? "";
    expect(cell, `first cell of: ${row}`).toMatch(/^`[A-Z0-9_]+`(, `[A-Z0-9_]+`)*$/);
    return [...cell.matchAll(/`([A-Z0-9_]+)`/g)].map((match) => match[1]!);
  });
  return { header, names };
}

describe("README.md's Configuration table", () => {
  it("lists exactly the variables lib/config.ts declares, each once", () => {
    const { header, names } = readmeConfigurationTable();
    expect(header).toMatch(/^\| variable +\| default +\| what it does +\|$/);
    expect(names.length, "a variable listed twice").toBe(new Set(names).size);
    expect([...names].sort()).toEqual([...configNames].sort());
  });
});
