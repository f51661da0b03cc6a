import { expect, test, type Page } from "@playwright/test";
import { signInWithGitHub, uniqueLogin } from "./helpers";

test("signed out, the dashboard sends you to sign in", async ({ page }) => {
  await page.goto("/dashboard/api-keys");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Demo sign-in/ })).toHaveCount(0);
});

test("GitHub sign-in creates a merchant with you as owner; signing out ends the session", async ({ page, context }) => {
  const login = uniqueLogin("octo");
  await signInWithGitHub(page, login);
  await expect(page.getByTestId("role")).toHaveText("owner");
  const merchants = await (await page.request.get("/api/v1/merchants")).json();
  expect(merchants.items).toEqual([expect.objectContaining({ role: "owner" })]);

  const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(cookie?.value).toBeTruthy();
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  // The old cookie no longer works: the session row is gone, not just the cookie.
  const replay = await page.request.get("/api/v1/merchants", {
    headers: { Cookie: `authjs.session-token=${cookie?.value}` },
  });
  expect(replay.status()).toBe(401);
});

test("health answers without a database round trip", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

/** The header's own box, and the boxes of what it shows in its row. */
async function headerBoxes(page: Page) {
  const header = page.getByRole("banner");
  const nav = header.getByRole("navigation", { name: "Dashboard" });
  const items = [
    header.getByRole("link", { name: "Merchant Console" }),
    ...(await nav.getByRole("link").all()), // the visible ones: a closed group's links are not
    ...(await nav.getByRole("button").all()),
    header.getByRole("link", { name: "Docs" }),
    header.getByRole("group", { name: "Mode" }),
    header.getByRole("combobox", { name: "Merchant" }),
    header.getByRole("button", { name: /account menu/ }),
  ];
  const boxes = await Promise.all(items.map((item) => item.boundingBox()));
  return { header: (await header.boundingBox())!, items: boxes.map((box) => box!) };
}

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the header is one row, fully on screen, and a long merchant name is cut with its full text as a title", async ({
    page,
  }) => {
    const login = uniqueLogin("a-rather-long-github-login-x").slice(0, 39);
    await signInWithGitHub(page, login);
    const { header, items } = await headerBoxes(page);
    expect(header.height).toBeLessThanOrEqual(64);
    const middles = items.map((box) => Math.round(box.y + box.height / 2));
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(4);
    for (const box of items) expect(box.x + box.width).toBeLessThanOrEqual(1280);
    await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeHidden();

    const switcher = page.getByRole("combobox", { name: "Merchant" });
    const merchantName = `${login[0]?.toUpperCase()}${login.slice(1)}'s team`;
    await expect(switcher).toHaveAttribute("title", `${merchantName} (owner)`);
    expect((await switcher.boundingBox())!.width).toBeLessThanOrEqual(176);
    await page.screenshot({ path: test.info().outputPath("header-1280.png") });

    // Payments and Developers are groups: a button opens their links, Escape closes them.
    const nav = page.getByRole("banner").getByRole("navigation", { name: "Dashboard" });
    const developers = nav.getByRole("button", { name: "Developers" });
    await expect(nav.getByRole("link", { name: "Logs" })).toBeHidden();
    await developers.click();
    await expect(developers).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(nav.getByRole("link", { name: "Audit log" })).toBeHidden();
    await developers.click();
    await nav.getByRole("link", { name: "Logs" }).click();
    await expect(page).toHaveURL(/\/dashboard\/logs/);
    await expect(nav.getByRole("button", { name: "Developers" })).toHaveClass(/bg-slate-100/); // its page is current
    await expect(nav.getByRole("link", { name: "Logs" })).toBeHidden();
  });
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a menu button opens the navigation and the controls; the closed header stays one short row", async ({
    page,
  }) => {
    await signInWithGitHub(page, uniqueLogin("phone"));
    const header = page.getByRole("banner");
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    const nav = header.getByRole("navigation", { name: "Dashboard" });
    await expect(nav).toBeHidden();
    await expect(header.locator('span:text-is("Test")')).toBeVisible(); // the mode, without opening the menu

    const menu = page.getByRole("button", { name: "Menu", exact: true });
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Applications" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Checkout sessions" })).toBeVisible(); // groups are open lists here
    await expect(header.getByRole("combobox", { name: "Merchant" })).toBeVisible();
    await expect(header.getByRole("group", { name: "Mode" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("menu-390.png") });
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();

    // Following a link closes the menu on the new page.
    await menu.click();
    await nav.getByRole("link", { name: "Applications" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
    await expect(nav).toBeHidden();
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
  });
});

test("every page has an icon at /favicon.ico and /icon.svg", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
});

test("the settings page has its own title from the first response, never a URL", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("title"));
  const html = await (await page.request.get("/dashboard/settings")).text();
  expect(html).toContain("<title>Settings · Merchant Console</title>");
  await page.goto("/dashboard/settings");
  await expect(page).toHaveTitle("Settings · Merchant Console");
  await expect(page.getByRole("link", { name: "Members & invites" }).first()).toBeVisible();
});

test("dark mode follows the system, a choice in the account menu overrides it, and the CSP allows its script", async ({
  page,
}) => {
  test.setTimeout(90_000); // it ends on the API reference, one large page
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.emulateMedia({ colorScheme: "dark" });
  await signInWithGitHub(page, uniqueLogin("dark"));
  const html = page.locator("html");
  await expect(html).toHaveClass(/\bdark\b/);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();

  await page.getByRole("button", { name: /account menu/ }).click();
  const theme = page.getByRole("group", { name: "Theme" });
  await expect(theme.getByRole("button", { name: "System" })).toHaveAttribute("aria-pressed", "true");
  await theme.getByRole("button", { name: "Light" }).click();
  await expect(html).toHaveClass(/\blight\b/);
  expect(await background()).not.toBe(dark);

  // The choice is kept, and applied before the page paints (next-themes' inline script, with the CSP nonce).
  await page.reload();
  await expect(html).toHaveClass(/\blight\b/);
  await page.goto("/docs/api");
  await expect(html).toHaveClass(/\blight\b/);
  expect(violations).toEqual([]);
});
