import { expect as baseExpect, test, type Page } from "@playwright/test";
import { createApplication, createKeyThroughDialog, keyRow, signInWithGitHub, uniqueLogin } from "./helpers";

// These flows create several keys each, on a machine that may be busy: more time than the 5 s / 30 s defaults.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** A dashboard API call from the signed-in page: its session cookie, and the app's Origin that mutations need. */
async function dashboardCall(page: Page, method: "GET" | "POST" | "PATCH" | "DELETE", path: string, data?: unknown) {
  const origin = new URL(page.url()).origin;
  const response = await page.request.fetch(`/api/v1${path}`, { method, data, headers: { Origin: origin } });
  expect(response.ok(), `${method} ${path}: ${response.status()}`).toBe(true);
  return response.status() === 204 ? null : response.json();
}

async function applicationId(page: Page, name: string): Promise<string> {
  const list = (await dashboardCall(page, "GET", "/applications?limit=100")) as {
    items: { id: string; name: string }[];
  };
  return list.items.find((app) => app.name === name)!.id;
}

/** `count` keys named "<prefix> N" through the API; all but the last `active` are revoked (the plan allows 10 active). */
async function seedKeys(page: Page, app: string, count: number, { active = count, prefix = "Key" } = {}) {
  for (let i = 0; i < count; i += 1) {
    const key = (await dashboardCall(page, "POST", `/applications/${app}/api-keys`, {
      description: `${prefix} ${i}`,
      scopes: i % 2 ? ["links:read", "links:write", "customers:read"] : ["links:read", "sessions:write", "events:read"],
    })) as { id: string };
    if (i < count - active) await dashboardCall(page, "DELETE", `/applications/${app}/api-keys/${key.id}`);
  }
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test.describe("at 1280 × 800", () => {
  test.use({ viewport: DESKTOP });

  test("the keys table fits: Status and Actions on screen without scrolling, rows at most 64 px", async ({ page }) => {
    await signInWithGitHub(page, uniqueLogin("fit"));
    await createApplication(page, "Storefront backend with a long name");
    const app = await applicationId(page, "Storefront backend with a long name");
    await seedKeys(page, app, 6, { prefix: "Checkout backend server key" });
    for (const path of ["/dashboard/api-keys", `/dashboard/applications/${app}`]) {
      await page.goto(path);
      const table = page.getByRole("table", { name: "API keys" });
      await expect(table.getByRole("row")).toHaveCount(7);
      const actions = table.getByRole("columnheader", { name: "Actions" });
      const status = table.getByRole("columnheader", { name: "Status" });
      for (const header of [actions, status]) {
        const box = (await header.boundingBox())!;
        expect(box.x + box.width, `${path}: column inside the viewport`).toBeLessThanOrEqual(DESKTOP.width);
      }
      await expect(table.getByRole("button", { name: /^Revoke/ }).first()).toBeInViewport();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path}: no horizontal scroll`).toBeLessThanOrEqual(0);
      const wrapper = await table.evaluate(
        (element) => element.parentElement!.scrollWidth - element.parentElement!.clientWidth,
      );
      expect(wrapper, `${path}: the table fits its box`).toBeLessThanOrEqual(0);
      for (const height of await page
        .getByTestId("api-key-row")
        .evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height))) {
        expect(height, `${path}: row height`).toBeLessThanOrEqual(64);
      }
      // The compact summary, with the full list on hover.
      const row = page.getByTestId("api-key-row").filter({ hasText: "Checkout backend server key 1" });
      await expect(row).toContainText("links: read/write · customers: read");
      await expect(row.getByTitle("links:read, links:write, customers:read")).toBeVisible();
      await shoot(page, path.includes("applications") ? "application-1280" : "api-keys-1280");
    }
  });

  test("the first HTML has the table (server-rendered first page), never a loading state", async ({ page }) => {
    await signInWithGitHub(page, uniqueLogin("ssr"));
    await createApplication(page, "Shop");
    await seedKeys(page, await applicationId(page, "Shop"), 2, { prefix: "Server-rendered" });
    const html = await (await page.request.get("/dashboard/api-keys")).text();
    expect(html).toContain("Server-rendered 1");
    expect(html).not.toContain("Loading API keys");
    // The table itself is in that response (not only the data for a script to draw it).
    expect(html).toMatch(/<caption[^>]*>API keys<\/caption>/);
    expect(html).toMatch(/<a [^>]*href="\/dashboard\/api-keys\/key_[^"]+"[^>]*>Server-rendered 0<\/a>/);
  });

  test("search, filters and pages live in the URL and go through the API's cursor", async ({ page }) => {
    await signInWithGitHub(page, uniqueLogin("pages"));
    await createApplication(page, "Shop");
    await createApplication(page, "Other");
    await seedKeys(page, await applicationId(page, "Shop"), 24, { active: 6 });
    await page.goto("/dashboard/api-keys");
    const rows = page.getByTestId("api-key-row");
    await expect(rows).toHaveCount(20);
    await expect(rows.first()).toContainText("Key 23");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(rows).toHaveCount(4);
    await expect(page).toHaveURL(/after=key_/);
    await expect(rows.last()).toContainText("Key 0");
    await page.getByRole("button", { name: "Previous" }).click();
    await expect(rows).toHaveCount(20);

    await page.getByLabel("Search").fill("key 1");
    await expect(page).toHaveURL(/q=key\+1/);
    // "Key 1" and "Key 10" … "Key 19": names match anywhere, whatever the case.
    await expect(rows).toHaveCount(11);
    await page.getByLabel("Status").selectOption("active");
    await expect(page).toHaveURL(/status=active/);
    await expect(rows).toHaveCount(2); // Key 18 and Key 19 (the last 6 are active)
    await page.reload();
    await expect(page.getByLabel("Search")).toHaveValue("key 1");
    await expect(rows).toHaveCount(2);

    const prefix = (await rows.first().locator(".font-mono").innerText()).replace("…", "");
    await page.getByLabel("Search").fill(prefix);
    await expect(rows).toHaveCount(1);

    await page.getByLabel("Search").fill("");
    await page.getByLabel("Application").selectOption({ label: "Other" });
    await expect(page.getByText("No test keys match these filters")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(rows).toHaveCount(20);
    await expect(page).toHaveURL(/\/dashboard\/api-keys$/);
  });

  test("no keys at all: an empty state that says how to start, not 'match these filters'", async ({ page }) => {
    await signInWithGitHub(page, uniqueLogin("empty"));
    await page.goto("/dashboard/api-keys");
    await expect(page.getByText("No test keys yet")).toBeVisible();
    await expect(page.getByText("match these filters")).toHaveCount(0);
    await page.getByRole("link", { name: "Create an application" }).click();
    await expect(page).toHaveURL(/\/dashboard\/applications$/);
    await createApplication(page, "Shop");
    await page.goto("/dashboard/api-keys");
    await expect(page.getByText("No test keys yet")).toBeVisible();
    await expect(page.getByText("issues one with the scopes your backend needs")).toBeVisible();
  });

  test("the show-once dialog asks before closing an uncopied secret; after Copy it closes at once", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signInWithGitHub(page, uniqueLogin("once"));
    await createApplication(page, "Shop");
    await page.goto("/dashboard/api-keys");
    await page.getByRole("button", { name: "Create key" }).click();
    const create = page.getByRole("dialog", { name: "Create key" });
    await create.getByLabel("Name", { exact: true }).fill("Backend");
    await shoot(page, "create-key-1280");
    await create.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByRole("dialog", { name: "Your new test key" });
    const secret = await shown.getByLabel("API key").inputValue();
    await expect(page.getByText(/Created the test key “Backend”/)).toBeVisible();
    await shoot(page, "show-once-1280");

    const confirm = page.getByRole("dialog", { name: "Close without copying?" });
    for (const close of [
      () => page.keyboard.press("Escape"),
      () => shown.getByRole("button", { name: "Close" }).click(),
      () => shown.getByRole("button", { name: "I have saved it" }).click(),
    ]) {
      await close();
      await expect(confirm).toBeVisible();
      await expect(confirm).toContainText("This key can't be shown again.");
      await confirm.getByRole("button", { name: "Go back" }).click();
      await expect(confirm).toBeHidden();
      await expect(shown.getByLabel("API key")).toHaveValue(secret);
    }
    await page.keyboard.press("Escape");
    await shoot(page, "show-once-confirm-1280");
    await page.keyboard.press("Escape"); // Escape on the question goes back, too
    await expect(confirm).toBeHidden();
    await expect(shown).toBeVisible();

    await shown.getByRole("button", { name: "Copy" }).click();
    await expect(shown.getByText("Copied to the clipboard.")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(shown).toBeHidden();
    await expect(confirm).toBeHidden();
    expect(await page.content()).not.toContain(secret);
  });

  test("rename in place, with toasts for rename, roll and revoke", async ({ page }) => {
    await signInWithGitHub(page, uniqueLogin("rename"));
    await createApplication(page, "Shop");
    const secret = await createKeyThroughDialog(page, { name: "Old name", application: "Shop" });
    const row = keyRow(page, secret);
    await row.getByRole("button", { name: /^Rename Old name/ }).click();
    const input = row.getByLabel("New name");
    await input.fill("   ");
    await input.press("Enter");
    await expect(input).toHaveAccessibleDescription(/New name is required/);
    await input.fill("Checkout backend");
    await input.press("Enter");
    await expect(page.getByText("Renamed to “Checkout backend”")).toBeVisible();
    await expect(row).toContainText("Checkout backend");
    const me = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } });
    expect((await me.json()).name).toBe("Checkout backend");

    await row.getByRole("button", { name: /^Revoke/ }).click();
    await page
      .getByRole("dialog", { name: "Revoke Checkout backend?" })
      .getByRole("button", { name: "Revoke key" })
      .click();
    await expect(page.getByText("Revoked “Checkout backend”")).toBeVisible();
  });

  test("a disabled application: Create key warns (and still creates), Link existing key refuses it", async ({
    page,
    request,
  }) => {
    await signInWithGitHub(page, uniqueLogin("disabled"));
    await createApplication(page, "Paused");
    await createApplication(page, "Live shop");
    await dashboardCall(page, "PATCH", `/applications/${await applicationId(page, "Paused")}/status`, {
      isEnabled: false,
    });
    await page.goto("/dashboard/api-keys");
    await page.getByRole("button", { name: "Create key" }).click();
    const create = page.getByRole("dialog", { name: "Create key" });
    await create.getByLabel("Application").selectOption({ label: "Paused (disabled)" });
    await expect(create.getByRole("note")).toContainText("This application is disabled.");
    await create.getByLabel("Name", { exact: true }).fill("Anyway");
    await create.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("dialog", { name: "Your new test key" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Close without copying" }).click();

    const { key } = (await (await request.post("/api-keys", { data: { label: "agent" } })).json()) as { key: string };
    await page.getByRole("button", { name: "Link existing key" }).click();
    const link = page.getByRole("dialog", { name: "Link existing key" });
    // The disabled application is marked and not preselected; every scope the key has is ticked.
    await expect(link.getByLabel("Application")).toHaveValue(await applicationId(page, "Live shop"));
    await expect(link.getByRole("option", { name: "Paused (disabled)" })).toHaveCount(1);
    await expect(link.getByRole("checkbox")).toHaveCount(9);
    for (const box of await link.getByRole("checkbox").all()) await expect(box).toBeChecked();
    await shoot(page, "link-key-1280");
    await link.getByLabel("API key").fill(key);
    await link.getByLabel("Application").selectOption({ label: "Paused (disabled)" });
    await link.getByRole("button", { name: "Link key" }).click();
    await expect(link.getByLabel("Application")).toHaveAccessibleDescription(/This application is disabled/);

    await link.getByLabel("Application").selectOption({ label: "Live shop" });
    await link.getByRole("checkbox", { name: "links write" }).uncheck();
    await link.getByRole("checkbox", { name: "webhooks write" }).uncheck();
    await link.getByRole("button", { name: "Link key" }).click();
    await expect(link).toBeHidden();
    await expect(page.getByText(`Linked ${key.slice(0, 12)}… to Live shop`)).toBeVisible();
    const me = (await (await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${key}` } })).json()) as {
      scopes: string[];
    };
    expect(me.scopes).not.toContain("links:write");
    expect(me.scopes).toContain("links:read");
    expect(me.scopes).toHaveLength(7);
  });
});

test.describe("at 390 × 844", () => {
  test.use({ viewport: PHONE });

  test("tables become stacked cards: no sideways scrolling, each value labelled", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signInWithGitHub(page, uniqueLogin("phone"));
    await createApplication(page, "Shop");
    const app = await applicationId(page, "Shop");
    await seedKeys(page, app, 3);
    for (const path of ["/dashboard/api-keys", `/dashboard/applications/${app}`, "/dashboard/applications"]) {
      await page.goto(path);
      await expect(page.getByRole("table").first()).toBeVisible();
      // The header is the shell's; the page's own content must not scroll sideways.
      const overflow = await page.locator("main").evaluate((main) => main.scrollWidth - main.clientWidth);
      expect(overflow, `${path}: no horizontal scroll`).toBeLessThanOrEqual(0);
      const table = (await page.getByRole("table").first().boundingBox())!;
      expect(table.x + table.width, `${path}: the cards fit the screen`).toBeLessThanOrEqual(PHONE.width);
      await shoot(
        page,
        path.endsWith("applications")
          ? "applications-390"
          : path.includes("applications")
            ? "application-390"
            : "api-keys-390",
      );
    }
    await page.goto("/dashboard/api-keys");
    const card = page.getByTestId("api-key-row").first();
    const status = card.locator('td[data-label="Status"]');
    // Each value is labelled by its column's heading (the cell's data-label, shown before it).
    expect(await status.evaluate((cell) => parseFloat(getComputedStyle(cell, "::before").width))).toBeGreaterThan(50);
    const revoke = card.getByRole("button", { name: /^Revoke/ });
    const box = (await revoke.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole("button", { name: "Create key" }).click();
    await shoot(page, "create-key-390");
    const create = page.getByRole("dialog", { name: "Create key" });
    await create.getByLabel("Name", { exact: true }).fill("Phone key");
    await create.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByRole("dialog", { name: "Your new test key" });
    await expect(shown).toBeVisible();
    await shoot(page, "show-once-390");
    await shown.getByRole("button", { name: "I have saved it" }).click();
    await expect(page.getByRole("dialog", { name: "Close without copying?" })).toBeVisible();
    await shoot(page, "show-once-confirm-390");
  });
});
