import { expect, test } from "@playwright/test";
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
