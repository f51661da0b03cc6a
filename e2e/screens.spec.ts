import { expect, test, type Page } from "@playwright/test";
import {
  addWebhookEndpointInDashboard,
  closeShowOnceWithoutCopying,
  createApplication,
  createKeyThroughDialog,
  signInWithGitHub,
  uniqueLogin,
} from "./helpers";

// Every page of the dashboard, at a desktop and a phone width, in the light and the dark theme (the system's
// setting, which next-themes follows until a theme is picked): each one is kept as a screenshot with the run's
// artifacts (test-results/screens-…/), for a person to look at, and checked for what a screenshot review found
// before: no sideways scrolling, a heading, no error state.

const SIZES = [
  { name: "1280", width: 1280, height: 800 },
  { name: "390", width: 390, height: 844 },
] as const;
const THEMES = ["light", "dark"] as const;
const SCOPES = ["links:read", "links:write", "customers:read", "customers:write", "sessions:read", "sessions:write"];

/** A merchant with an application, a key, and one object of each kind, and the paths of every page to look at. */
async function merchantWithEverything(page: Page): Promise<{ name: string; path: string }[]> {
  await signInWithGitHub(page, uniqueLogin("screens"));
  await createApplication(page, "Storefront backend");
  const applicationPath = await page
    .getByRole("link", { name: "Storefront backend", exact: true })
    .getAttribute("href");
  const key = await createKeyThroughDialog(page, {
    name: "Checkout server",
    application: "Storefront backend",
    scopes: SCOPES,
  });
  const create = async (path: string, data: Record<string, unknown>) => {
    const response = await page.request.post(`/api/v1/${path}`, { headers: { Authorization: `Bearer ${key}` }, data });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const link = await create("payment_links", { amount: 2500, currency: "eur", description: "Annual plan" });
  const customer = await create("customers", { email: "grace@example.com", name: "Grace Hopper" });
  const session = await create("checkout_sessions", {
    payment_link: link,
    customer,
    success_url: "https://shop.example/ok",
  });
  // A webhook endpoint, added in the dashboard.
  await closeShowOnceWithoutCopying(page, await addWebhookEndpointInDashboard(page));
  await expect(page).toHaveURL(/\/dashboard\/webhooks\/we_/);
  const endpointPath = new URL(page.url()).pathname;
  await page.goto("/dashboard/api-keys");
  const keyPath = await page.getByRole("link", { name: "Checkout server", exact: true }).getAttribute("href");
  expect(keyPath).toMatch(/^\/dashboard\/api-keys\/[^/]+$/);
  const events = await page.request.get("/api/v1/merchant/events?mode=test");
  expect(events.status()).toBe(200);
  const event = ((await events.json()) as { data: { id: string }[] }).data[0]?.id;
  expect(event).toBeTruthy();
  return [
    { name: "home", path: "/dashboard" },
    { name: "applications", path: "/dashboard/applications" },
    { name: "application", path: applicationPath ?? "/dashboard/applications" },
    { name: "api-keys", path: "/dashboard/api-keys" },
    { name: "api-key", path: keyPath ?? "/dashboard/api-keys" },
    { name: "webhooks", path: "/dashboard/webhooks" },
    { name: "webhook-endpoint", path: endpointPath },
    { name: "logs", path: "/dashboard/logs" },
    { name: "audit-log", path: "/dashboard/audit-log" },
    { name: "events", path: "/dashboard/events" },
    { name: "event", path: `/dashboard/events/${event}` },
    { name: "payment-links", path: "/dashboard/payment-links" },
    { name: "payment-link", path: `/dashboard/payment-links/${link}` },
    { name: "customers", path: "/dashboard/customers" },
    { name: "customer", path: `/dashboard/customers/${customer}` },
    { name: "checkout-sessions", path: "/dashboard/checkout-sessions" },
    { name: "checkout-session", path: `/dashboard/checkout-sessions/${session}` },
    { name: "settings", path: "/dashboard/settings" },
    { name: "members", path: "/dashboard/settings/members" },
    { name: "management-tokens", path: "/dashboard/settings/management-tokens" },
    { name: "api-reference", path: "/docs/api" },
  ];
}

test("every page at 1280 and 390 px, light and dark, kept as screenshots", async ({ page }) => {
  test.setTimeout(300_000); // 21 pages × 4 views on a busy 2-core machine
  const pages = await merchantWithEverything(page);
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const { name, path } of pages) {
        await test.step(`${name} at ${size.name} px, ${theme}`, async () => {
          await page.goto(path);
          await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
          await expect(page.locator("main").getByRole("alert")).toHaveCount(0); // the error state (Next.js announces routes in an alert of its own, outside main)
          await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${path} scrolls sideways at ${size.name} px`).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: test.info().outputPath(`${name}-${size.name}-${theme}.png`),
            fullPage: name !== "api-reference",
          }); // the reference is 80,000 px long: its first screen
        });
      }
    }
  }
});
