import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { config } from "./lib/config";

const port = config.E2E_PORT;
const githubPort = config.FAKE_GITHUB_PORT;
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  // A flow (sign in, create, call, revoke) takes 15 to 40 s on a 2-core machine that runs the server, Chromium and the
  // fake GitHub at once, the first one longest (each route's code loads on its first request): 30 s, Playwright's
  // default, failed CI on the first spec. Each expectation keeps its own 5 s.
  timeout: 90_000,
  retries: config.CI ? 1 : 0,
  reporter: config.CI ? "list" : [["list"]],
  use: {
    // localhost, not 127.0.0.1: Next.js rewrites loopback hosts to "localhost" in request URLs, and the OAuth
    // redirect_uri must be the same at authorize and at token exchange.
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Debian's Chromium where present (Playwright cannot download its own here); these flags keep it off the network.
        launchOptions: existsSync(systemChromium)
          ? {
              executablePath: systemChromium,
              args: [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
              ],
            }
          : {},
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx e2e/fake-github/server.ts",
      url: `http://127.0.0.1:${githubPort}/health`,
      reuseExistingServer: false,
      env: { FAKE_GITHUB_PORT: String(githubPort) },
    },
    {
      // A fresh SQLite database each run; `npm start` migrates it first, as on any start. Needs `npm run build`.
      command: `rm -f .data/e2e.db .data/e2e.db-wal .data/e2e.db-shm && npm run start -- -p ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: "file:.data/e2e.db",
        PORT: String(port),
        AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef",
        AUTH_URL: `http://localhost:${port}`,
        AUTH_GITHUB_ID: "fake-client-id",
        AUTH_GITHUB_SECRET: "fake-client-secret",
        GITHUB_BASE_URL: `http://127.0.0.1:${githubPort}`,
        // In production mode the server refuses loopback receivers: the spec that needs deliveries starts an instance
        // of its own that makes them (e2e/logs.spec.ts), and this one must not race it for them.
        WEBHOOK_WORKER: "0",
      },
    },
  ],
});
