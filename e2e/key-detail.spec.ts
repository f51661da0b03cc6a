import { expect, test, type Page } from "@playwright/test";
import {
  callMe,
  closeShowOnceWithoutCopying,
  createApplication,
  createKeyThroughDialog,
  keyRow,
  signInWithGitHub,
  uniqueLogin,
} from "./helpers";

/** Opens the key's page from the keys table: its name links there. */
async function openKeyPage(page: Page, fullKey: string, name: string) {
  await page.goto("/dashboard/api-keys");
  await keyRow(page, fullKey).getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/api-keys\/key_/);
}

/** Request log rows arrive in batches a few seconds after the request: reload until `check` passes. */
async function untilLogged(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000 });
}

test("rename a key in place on its page", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("detail-rename"));
  await createApplication(page, "Shop");
  const secret = await createKeyThroughDialog(page, { name: "Old name", application: "Shop" });
  await openKeyPage(page, secret, "Old name");
  await expect(page.getByText(`${secret.slice(0, 12)}…`).first()).toBeVisible();
  await page.getByRole("button", { name: /^Rename Old name/ }).click();
  const input = page.getByLabel("New name");
  await input.fill("Checkout backend");
  await input.press("Enter");
  await expect(page.getByText("Renamed to “Checkout backend”")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "API key Checkout backend" })).toBeAttached();
});

test("during a roll the old secret's callers are listed; extend once, then end grace", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("detail-roll"));
  await createApplication(page, "Shop");
  const original = await createKeyThroughDialog(page, { name: "Server key", application: "Shop" });
  await keyRow(page, original).getByRole("button", { name: /^Roll/ }).click();
  const roll = page.getByRole("dialog", { name: "Roll Server key?" });
  await roll.getByRole("radio", { name: /^1 hour/ }).check();
  await roll.getByRole("button", { name: "Roll key" }).click();
  const shown = page.getByRole("dialog", { name: "Your rolled key" });
  const rolled = await shown.getByLabel("API key").inputValue();
  await closeShowOnceWithoutCopying(page, shown);

  expect((await callMe(page, original)).status).toBe(200);
  await openKeyPage(page, rolled, "Server key");
  const callers = page.getByRole("region", { name: "Who still uses the old secret" });
  await expect(callers).toContainText(/works for (\d+ h )?\d+ min more/);
  await untilLogged(page, () => expect(callers.getByTestId("old-secret-caller")).toHaveCount(1, { timeout: 1000 }));
  await expect(callers.getByTestId("old-secret-caller")).toContainText("1");

  await callers.getByRole("button", { name: "Extend by 24 h" }).click();
  await expect(page.getByText("Extended the grace period by 24 hours")).toBeVisible();
  await expect(callers).toContainText("already extended once");
  await expect(callers.getByRole("button", { name: "Extend by 24 h" })).toBeDisabled();

  await callers.getByRole("button", { name: "End grace now" }).click();
  const confirm = page.getByRole("dialog", { name: "End the grace period now?" });
  await confirm.getByRole("button", { name: "End grace now" }).click();
  await expect(page.getByText(/^Ended the grace period/)).toBeVisible();
  await expect(callers).toBeHidden();
  const refused = await callMe(page, original);
  expect(refused).toMatchObject({ status: 401, code: "expired_api_key" });
  expect((await callMe(page, rolled)).status).toBe(200);
});

test("remove the scopes a key did not use: it loses them at once", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("detail-scopes"));
  await createApplication(page, "Shop");
  const secret = await createKeyThroughDialog(page, {
    name: "Link reader",
    application: "Shop",
    scopes: ["links:read", "customers:read"],
  });
  const headers = { Authorization: `Bearer ${secret}` };
  expect((await page.request.get("/api/v1/payment_links", { headers })).status()).toBe(200);
  await openKeyPage(page, secret, "Link reader");
  const unused = page.getByTestId("unused-scopes");
  await untilLogged(page, () => expect(unused).toHaveText("customers:read", { timeout: 1000 }));

  await page.getByRole("button", { name: "Remove unused scopes" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove the unused scopes?" });
  await confirm.getByRole("button", { name: "Remove unused scopes" }).click();
  await expect(page.getByText("Removed customers:read from the key")).toBeVisible();
  await expect(page.getByText("Every scope of this key was needed")).toBeVisible();
  expect((await page.request.get("/api/v1/customers", { headers })).status()).toBe(403);
  expect((await page.request.get("/api/v1/payment_links", { headers })).status()).toBe(200);
});

test("an unknown key id is the 404 page (the dashboard streams it, so the status stays 200)", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("detail-404"));
  await page.goto("/dashboard/api-keys/key_does_not_exist");
  await expect(page.getByText("This page could not be found.")).toBeVisible();
});
