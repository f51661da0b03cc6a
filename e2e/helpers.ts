import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Locator, type Page } from "@playwright/test";
import { startNextServer, type NextServer } from "../test/support/next-server";

/** Signs in through the app's "Sign in with GitHub" button and the fake GitHub's authorize page. */
export async function signInWithGitHub(page: Page, login: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByLabel("GitHub user name").fill(login);
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

/** A GitHub login no other spec uses, so each spec starts with a merchant of its own. */
export function uniqueLogin(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** Creates an application through the "New application" dialog and waits for it in the list. */
export async function createApplication(
  page: Page,
  name: string,
  { allowedOrigins = [] }: { allowedOrigins?: string[] } = {},
): Promise<void> {
  await page.goto("/dashboard/applications");
  await page.getByRole("button", { name: "New application" }).click();
  const dialog = page.getByRole("dialog", { name: "New application" });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  if (allowedOrigins.length > 0) await dialog.getByLabel("Allowed origins").fill(allowedOrigins.join("\n"));
  await dialog.getByRole("button", { name: "Create application" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
}

export type KeyOptions = { name: string; application: string; mode?: "test" | "live"; scopes?: string[] };

/**
 * Creates a key through the API keys page's "Create key" dialog and returns the full key from the show-once
 * dialog, which it then closes.
 */
export async function createKeyThroughDialog(
  page: Page,
  { name, application, mode = "test", scopes = [] }: KeyOptions,
): Promise<string> {
  await page.goto("/dashboard/api-keys");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create key" });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Application").selectOption({ label: application });
  await dialog.getByRole("radio", { name: mode === "live" ? /^Live/ : /^Test/ }).check();
  for (const scope of scopes) await dialog.getByRole("checkbox", { name: scope.replace(":", " ") }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByRole("dialog", { name: `Your new ${mode} key` });
  const fullKey = await shown.getByLabel("API key").inputValue();
  expect(fullKey).toMatch(new RegExp(`^ck_${mode}_`));
  await closeShowOnceWithoutCopying(page, shown);
  return fullKey;
}

/** "I have saved it" on a show-once dialog whose Copy was not used: it asks first, and this confirms. */
export async function closeShowOnceWithoutCopying(page: Page, shown: Locator): Promise<void> {
  await shown.getByRole("button", { name: "I have saved it" }).click();
  await page
    .getByRole("dialog", { name: "Close without copying?" })
    .getByRole("button", { name: "Close without copying" })
    .click();
  await expect(shown).toBeHidden();
}

/**
 * Adds a webhook endpoint in the dashboard for payment_link.created, at a public address nothing delivers to (the e2e
 * server runs no delivery worker), and answers the dialog that shows its signing secret once.
 */
export async function addWebhookEndpointInDashboard(page: Page, url = "https://93.184.215.14/hooks"): Promise<Locator> {
  await page.goto("/dashboard/webhooks");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const add = page.getByRole("dialog", { name: "Add a webhook endpoint" });
  await add.getByLabel("URL", { exact: true }).fill(url);
  await add.getByLabel("Events", { exact: true }).fill("payment_link.created");
  await add.getByRole("button", { name: "Add endpoint" }).click();
  return page.getByRole("dialog", { name: "Signing secret" });
}

/** The row of the keys table showing this key's display prefix (the first 12 characters). */
export function keyRow(page: Page, fullKey: string) {
  return page
    .getByRole("table", { name: "API keys" })
    .getByRole("row")
    .filter({ has: page.getByText(`${fullKey.slice(0, 12)}…`, { exact: true }) });
}

/** Calls GET /api/v1/me with an API key, as a merchant's backend would. */
export async function callMe(page: Page, fullKey: string) {
  const response = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${fullKey}` } });
  const body = await response.json();
  return { status: response.status(), body, code: (body as { error?: { code?: string } }).error?.code };
}

/**
 * Serves one HTML page from a loopback port of its own: another origin than the app's (http://localhost:E2E_PORT),
 * as a merchant's shop or an attacker's page would be.
 */
export async function serveOtherOrigin(html = "<!doctype html><title>Another origin</title>") {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the browser keeps its connection alive
      }),
  };
}

/** Picks Test or Live in the header; below 1280 px the toggle is in the menu panel, which this opens first. */
export async function selectMode(page: Page, mode: "Test" | "Live"): Promise<void> {
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("group", { name: "Mode" }).getByRole("button", { name: mode }).click();
}

/**
 * A webhook receiver on loopback: it answers `state.status` (200 unless changed) and keeps each delivery's headers.
 */
export async function startWebhookReceiver() {
  const state = { status: 200 };
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      headers.push(request.headers);
      response.writeHead(state.status).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    state,
    headers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The e2e server runs in production mode, which refuses webhook URLs on loopback and runs no delivery worker. A
 * second instance of the app on the same database, started as the cluster tests start theirs (NODE_ENV=test,
 * WEBHOOK_ALLOW_PRIVATE=1, its own webhook worker), takes the webhook calls and delivers them, as several instances
 * behind a load balancer would.
 */
export function startDeliveringInstance(): Promise<NextServer> {
  return startNextServer({
    DATABASE_URL: "file:.data/e2e.db",
    NODE_ENV: "test",
    WEBHOOK_ALLOW_PRIVATE: "1",
    WEBHOOK_WORKER: "1",
    WEBHOOK_WORKER_INTERVAL_MS: "500",
    AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef",
    LOG_LEVEL: "warn",
  });
}
