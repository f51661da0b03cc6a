import { expect, test } from "@playwright/test";
import {
  callMe,
  closeShowOnceWithoutCopying,
  createApplication,
  createKeyThroughDialog,
  keyRow,
  signInWithGitHub,
  uniqueLogin,
} from "./helpers";

test("a created key works, is shown once, and gets 401 once revoked", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInWithGitHub(page, uniqueLogin("keys"));
  await createApplication(page, "Web store");

  await page.goto("/dashboard/api-keys");
  await expect(page.getByText("No test keys yet")).toBeVisible();
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create key" });
  // Client-side validation with the shared schema: a key needs a name.
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(/Name is required/);
  await dialog.getByLabel("Name", { exact: true }).fill("Checkout backend");
  await dialog.getByLabel("Application").selectOption({ label: "Web store" });
  await dialog.getByRole("checkbox", { name: "links read" }).check();
  await dialog.getByRole("checkbox", { name: "customers write" }).check();
  await expect(dialog.getByRole("checkbox", { name: "events write" })).toHaveCount(0);
  await dialog.getByLabel("Rate limit (optional)").fill("120");
  await dialog.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByRole("dialog", { name: "Your new test key" });
  await expect(shown.getByText("it will not be shown again")).toBeVisible();
  const fullKey = await shown.getByLabel("API key").inputValue();
  expect(fullKey).toMatch(/^ck_test_[0-9A-Za-z]{32}$/);
  const origin = new URL(baseURL ?? page.url()).origin;
  await expect(shown.getByLabel("Example request")).toHaveText(
    `curl ${origin}/api/v1/me \\\n  -H "Authorization: Bearer ${fullKey}"`,
  );
  await shown.getByRole("button", { name: "Copy" }).click();
  await expect(shown.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fullKey);

  const me = await callMe(page, fullKey);
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({
    prefix: fullKey.slice(0, 12),
    mode: "test",
    livemode: false,
    scopes: ["links:read", "customers:write"],
    application: { name: "Web store" },
  });

  await shown.getByRole("button", { name: "I have saved it" }).click();
  await expect(shown).toBeHidden();
  const row = keyRow(page, fullKey);
  await expect(row).toContainText("Checkout backend");
  await expect(row).toContainText("Web store");
  await expect(row).toContainText("links: read · customers: write");
  await expect(row.getByTitle("links:read, customers:write")).toBeVisible();
  await expect(row).toContainText("active");
  expect(await page.content()).not.toContain(fullKey);

  await page.reload();
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(fullKey);
  const stored = await page.evaluate(() =>
    JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]),
  );
  expect(stored).not.toContain(fullKey.slice(12));

  await row.getByRole("button", { name: /^Revoke/ }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke Checkout backend?" });
  await expect(confirm).toContainText("401 revoked_api_key");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: /^(Revoke|Roll)/ })).toHaveCount(0);

  const after = await callMe(page, fullKey);
  expect(after.status).toBe(401);
  expect(after.code).toBe("revoked_api_key");
});

test("rolling keeps the old key for the chosen grace period; rolling with now stops it at once", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("roll"));
  await createApplication(page, "Shop");
  const original = await createKeyThroughDialog(page, { name: "Server key", application: "Shop" });

  await keyRow(page, original).getByRole("button", { name: /^Roll/ }).click();
  let roll = page.getByRole("dialog", { name: "Roll Server key?" });
  await roll.getByRole("radio", { name: /^1 hour/ }).check();
  await roll.getByRole("button", { name: "Roll key" }).click();
  let shown = page.getByRole("dialog", { name: "Your rolled key" });
  await expect(shown).toContainText(`The old key ${original.slice(0, 12)}… keeps working until`);
  const rolled = await shown.getByLabel("API key").inputValue();
  await closeShowOnceWithoutCopying(page, shown);
  expect(rolled).toMatch(/^ck_test_/);
  expect(rolled).not.toBe(original);

  expect((await callMe(page, rolled)).status).toBe(200);
  expect((await callMe(page, original)).status).toBe(200);
  // The old secret is "rolling", not a second green "active", and sits right under the key that replaced it.
  await expect(keyRow(page, original)).toContainText(/rolling\s*— works until/);
  await expect(keyRow(page, original)).toContainText("replaced by the key above");
  await expect(keyRow(page, rolled).getByText("active", { exact: true })).toBeVisible();
  await expect(keyRow(page, original).getByText("active", { exact: true })).toHaveCount(0);
  const order = await page.getByTestId("api-key-row").allInnerTexts();
  const index = (secret: string) => order.findIndex((text) => text.includes(`${secret.slice(0, 12)}…`));
  expect(index(original)).toBe(index(rolled) + 1);

  await keyRow(page, rolled).getByRole("button", { name: /^Roll/ }).click();
  roll = page.getByRole("dialog", { name: "Roll Server key?" });
  await roll.getByRole("radio", { name: /^Now/ }).check();
  await roll.getByRole("button", { name: "Roll key" }).click();
  shown = page.getByRole("dialog", { name: "Your rolled key" });
  await expect(shown).toContainText(`The old key ${rolled.slice(0, 12)}… has stopped working.`);
  const latest = await shown.getByLabel("API key").inputValue();
  await closeShowOnceWithoutCopying(page, shown);

  const stopped = await callMe(page, rolled);
  expect(stopped.status).toBe(401);
  expect(stopped.code).toBe("expired_api_key");
  expect((await callMe(page, latest)).status).toBe(200);
  expect((await callMe(page, original)).status).toBe(200); // still inside its 1 hour
  await expect(keyRow(page, rolled)).toContainText("expired");
});

test("the test / live toggle decides which keys are listed", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("mode"));
  await createApplication(page, "Shop");
  const testKey = await createKeyThroughDialog(page, { name: "Sandbox key", application: "Shop", mode: "test" });
  const liveKey = await createKeyThroughDialog(page, { name: "Production key", application: "Shop", mode: "live" });
  const mode = page.getByRole("group", { name: "Mode" });
  const rows = page.getByRole("table", { name: "API keys" }).getByRole("row");

  await page.goto("/dashboard/api-keys");
  await expect(mode.getByRole("button", { name: "Test", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(keyRow(page, testKey)).toBeVisible();
  await expect(keyRow(page, liveKey)).toHaveCount(0);
  await expect(rows).toHaveCount(2); // header + the test key

  await mode.getByRole("button", { name: "Live", exact: true }).click();
  await expect(mode.getByRole("button", { name: "Live", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(keyRow(page, liveKey)).toBeVisible();
  await expect(keyRow(page, testKey)).toHaveCount(0);
  await expect(rows).toHaveCount(2);

  // The choice is a cookie: the server render after a reload agrees with it.
  await page.reload();
  await expect(mode.getByRole("button", { name: "Live", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(keyRow(page, liveKey)).toContainText("Production key");
  await expect(keyRow(page, testKey)).toHaveCount(0);
  expect((await callMe(page, liveKey)).body).toMatchObject({ livemode: true });

  await mode.getByRole("button", { name: "Test", exact: true }).click();
  await expect(keyRow(page, testKey)).toBeVisible();
  await expect(keyRow(page, liveKey)).toHaveCount(0);
});
