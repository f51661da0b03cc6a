import { expect, test } from "@playwright/test";
import { closeShowOnceWithoutCopying, signInWithGitHub, uniqueLogin } from "./helpers";

test("a management token is shown once, works on the management API, and stops when revoked", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("tokens"));
  await page.goto("/dashboard/settings");
  await expect(page).toHaveURL(/\/dashboard\/settings\/management-tokens$/);
  await expect(page.getByText("No management tokens yet")).toBeVisible();

  const form = page.getByRole("form", { name: "Create management token" });
  await form.getByLabel("Token name").fill("CI deploys");
  await form.getByLabel("Expires in").selectOption("1h");
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("dialog", { name: "Your new management token" });
  await expect(shown.getByText("it will not be shown again")).toBeVisible();
  const token = await shown.getByLabel("Management token").inputValue();
  expect(token.split(".")).toHaveLength(3);
  // Tokens cannot be rolled: the warning says what to do instead.
  await expect(shown).toContainText("if you lose it, revoke it and create a new one");
  await expect(shown).not.toContainText("roll it");
  await closeShowOnceWithoutCopying(page, shown);

  const row = page.getByRole("table", { name: "Management tokens" }).getByRole("row").filter({ hasText: "CI deploys" });
  await expect(row).toContainText("active");
  expect(await page.content()).not.toContain(token);
  const withToken = () => page.request.get("/api/v1/applications", { headers: { Authorization: `Bearer ${token}` } });
  expect((await withToken()).status()).toBe(200);

  await row.getByRole("button", { name: "Revoke CI deploys" }).click();
  await page.getByRole("dialog", { name: "Revoke CI deploys?" }).getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("revoked");
  const refused = await withToken();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("invalid_management_token");
});
