import { expect, test, type Page } from "@playwright/test";
import { callMe, createApplication, createKeyThroughDialog, keyRow, signInWithGitHub, uniqueLogin } from "./helpers";

test("New application shows field errors next to the field: empty, too long, bad origin, duplicate", async ({
  page,
}) => {
  await signInWithGitHub(page, uniqueLogin("apps"));
  await page.goto("/dashboard/applications");
  await expect(page.getByText("No applications yet")).toBeVisible();

  // Keyboard: the button opens the dialog, Escape closes it.
  await page.getByRole("button", { name: "New application" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New application" });
  await expect(dialog.getByLabel("Name", { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "New application" }).click();
  const name = dialog.getByLabel("Name", { exact: true });
  const create = dialog.getByRole("button", { name: "Create application" });
  await create.click();
  await expect(name).toHaveAccessibleDescription(/^Name is required/);
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await name.fill("x".repeat(101));
  await create.click();
  await expect(name).toHaveAccessibleDescription(/^Name must be at most 100 characters/);

  await name.fill("Store");
  await dialog.getByLabel("Description").fill("The web shop's backend");
  await dialog.getByLabel("Allowed origins").fill("https://shop.example/checkout");
  await create.click();
  await expect(dialog.getByLabel("Allowed origins")).toHaveAccessibleDescription(
    /Allowed origins, line 1: must be an origin/,
  );
  await expect(name).toHaveAttribute("aria-invalid", "false");

  await dialog.getByLabel("Allowed origins").fill("https://shop.example");
  await create.click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Store", exact: true }) });
  await expect(row).toContainText("The web shop's backend");
  await expect(row).toContainText("https://shop.example");
  await expect(row).toContainText("Enabled");

  // Unique per merchant: the server's 409 lands inline on the name field.
  await page.getByRole("button", { name: "New application" }).click();
  await name.fill("Store");
  await create.click();
  await expect(name).toHaveAccessibleDescription(/An application named 'Store' already exists/);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("link", { name: "Store", exact: true })).toHaveCount(1);
});

test("the list is in the first HTML; Previous / Next are links to ?page=N; a new application is shown on page 1", async ({
  page,
}) => {
  await signInWithGitHub(page, uniqueLogin("pages"));
  const origin = new URL(page.url()).origin;
  // Eleven, newest first: "App 11" to "App 02" on page 1, "App 01" alone on page 2.
  for (let i = 1; i <= 11; i += 1) {
    const name = `App ${String(i).padStart(2, "0")}`;
    const created = await page.request.post("/api/v1/applications", { data: { name }, headers: { Origin: origin } });
    expect(created.status(), name).toBe(201);
  }
  const link = (on: Page, name: string) => on.getByRole("link", { name, exact: true });

  // The table and the page links are in the HTML the server sends (not only the data for a script to draw them).
  const html = await (await page.request.get("/dashboard/applications")).text();
  expect(html).toMatch(/<caption[^>]*>Applications<\/caption>/);
  expect(html).toMatch(/<a [^>]*href="\/dashboard\/applications\/app_[^"]+"[^>]*>App 11<\/a>/);
  expect(html).not.toContain(">App 01</a>");
  expect(html).toMatch(/<a [^>]*href="\/dashboard\/applications\?page=2"[^>]*>Next<\/a>/);

  await page.goto("/dashboard/applications");
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(page.getByRole("row").filter({ has: link(page, "App 11") })).toContainText("Enabled");
  await expect(page.getByRole("table", { name: "Applications" }).getByRole("row")).toHaveCount(11);
  await expect(pagination).toContainText("Page 1 of 2 · 11 applications");
  await expect(pagination.getByRole("link", { name: "Previous" })).toHaveCount(0);
  await pagination.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/dashboard\/applications\?page=2$/);
  await expect(link(page, "App 01")).toBeVisible();
  await expect(link(page, "App 11")).toHaveCount(0);
  await expect(pagination).toContainText("Page 2 of 2 · 11 applications");
  await expect(pagination.getByRole("link", { name: "Next" })).toHaveCount(0);
  await pagination.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\/dashboard\/applications$/);
  await expect(link(page, "App 11")).toBeVisible();
  // Past the last page is the last page; a page that is not a number is the first.
  await page.goto("/dashboard/applications?page=7");
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(link(page, "App 01")).toBeVisible();
  await page.goto("/dashboard/applications?page=two");
  await expect(link(page, "App 11")).toBeVisible();

  // A change on page 2 stays on page 2; a new application takes the list to page 1, where it is.
  await page.goto("/dashboard/applications?page=2");
  const row = page.getByRole("row").filter({ has: link(page, "App 01") });
  await row.getByRole("button", { name: "Disable App 01" }).click();
  await page
    .getByRole("dialog", { name: "Disable App 01?" })
    .getByRole("button", { name: "Disable application" })
    .click();
  await expect(row).toContainText("Disabled");
  await expect(page).toHaveURL(/\?page=2$/);
  await page.getByRole("button", { name: "New application" }).click();
  const dialog = page.getByRole("dialog", { name: "New application" });
  await dialog.getByLabel("Name", { exact: true }).fill("Newest");
  await dialog.getByRole("button", { name: "Create application" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/dashboard\/applications$/);
  await expect(link(page, "Newest")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 1 of 2 · 12 applications");
});

test("disabling asks for confirmation, blocks the application's keys, and enabling restores them", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("status"));
  await createApplication(page, "Shop");
  const fullKey = await createKeyThroughDialog(page, { name: "Backend", application: "Shop" });
  expect((await callMe(page, fullKey)).status).toBe(200);

  await page.goto("/dashboard/applications");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Shop", exact: true }) });
  await expect(row).toContainText("1"); // one active test key
  await row.getByRole("button", { name: "Disable Shop" }).click();
  const confirm = page.getByRole("dialog", { name: "Disable Shop?" });
  await expect(confirm).toContainText("blocks all of its API keys");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("Enabled");
  expect((await callMe(page, fullKey)).status).toBe(200);

  await row.getByRole("button", { name: "Disable Shop" }).click();
  await confirm.getByRole("button", { name: "Disable application" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("Disabled");
  const blocked = await callMe(page, fullKey);
  expect(blocked.status).toBe(401);
  expect(blocked.code).toBe("application_disabled");

  // The detail page lists the application's keys and says it is disabled.
  await row.getByRole("link", { name: "Shop", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shop" })).toBeVisible();
  await expect(page.getByText("This application is disabled")).toBeVisible();
  await expect(keyRow(page, fullKey)).toContainText("Backend");

  await page.getByRole("button", { name: "Enable Shop" }).click();
  const enable = page.getByRole("dialog", { name: "Enable Shop?" });
  await enable.getByRole("button", { name: "Enable application" }).click();
  await expect(enable).toBeHidden();
  await expect(page.getByText("This application is disabled")).toHaveCount(0);
  expect((await callMe(page, fullKey)).status).toBe(200);
});

test("an application is edited in place; a name that differs only in case or spaces is refused inline", async ({
  page,
}) => {
  await signInWithGitHub(page, uniqueLogin("edit"));
  await createApplication(page, "Storefront backend");
  await createApplication(page, "Warehouse");
  await page.getByRole("button", { name: "New application" }).click();
  const created = page.getByRole("dialog", { name: "New application" });
  await created.getByLabel("Name", { exact: true }).fill("storefront backend ");
  await created.getByRole("button", { name: "Create application" }).click();
  await expect(created.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(
    /An application named 'storefront backend' already exists .*ignoring case and surrounding spaces/,
  );
  await created.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("link", { name: "Warehouse", exact: true }).click();
  await page.getByRole("button", { name: "Edit Warehouse" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit application" });
  const name = dialog.getByLabel("Name", { exact: true });
  await expect(name).toHaveValue("Warehouse");
  await name.fill("STOREFRONT BACKEND");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(name).toHaveAccessibleDescription(/already exists/);

  await name.fill("Warehouse robots");
  await dialog.getByLabel("Description").fill("Picks and packs");
  await dialog.getByLabel("Allowed origins").fill("https://robots.example");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Warehouse robots" })).toBeVisible();
  await expect(page.getByText("Picks and packs")).toBeVisible();
  await expect(page.getByText("https://robots.example")).toBeVisible();
});

test("deleting an application asks for its name, revokes its keys and leaves them listed as revoked", async ({
  page,
}) => {
  await signInWithGitHub(page, uniqueLogin("delete"));
  await createApplication(page, "Old shop");
  const fullKey = await createKeyThroughDialog(page, { name: "Old backend", application: "Old shop" });
  expect((await callMe(page, fullKey)).status).toBe(200);

  await page.goto("/dashboard/applications");
  await page.getByRole("link", { name: "Old shop", exact: true }).click();
  await page.getByRole("button", { name: "Delete Old shop" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Old shop?" });
  await expect(dialog).toContainText("All of its API keys are revoked at once");
  const confirm = dialog.getByRole("button", { name: "Delete application" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type the application's name to confirm").fill("old shop");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type the application's name to confirm").fill("Old shop");
  await confirm.click();

  await expect(page).toHaveURL(/\/dashboard\/applications$/);
  await expect(page.getByText("No applications yet")).toBeVisible();
  const refused = await callMe(page, fullKey);
  expect(refused.status).toBe(401);
  expect(refused.code).toBe("revoked_api_key");
  await page.goto("/dashboard/api-keys");
  await expect(keyRow(page, fullKey)).toContainText("revoked");
});

test("field errors are sentences: the Create key dialog's rate limit", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("messages"));
  await createApplication(page, "Shop");
  await page.goto("/dashboard/api-keys");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create key" });
  await dialog.getByLabel("Name", { exact: true }).fill("Backend");
  await dialog.getByLabel("Application").selectOption({ label: "Shop" });
  const rateLimit = dialog.getByLabel(/Rate limit/);
  await rateLimit.fill("0");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(rateLimit).toHaveAccessibleDescription(/^Rate limit must be at least 1/);
  await rateLimit.fill("2.5");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(rateLimit).toHaveAccessibleDescription(/^Rate limit must be a whole number/);
});
