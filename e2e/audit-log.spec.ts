import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createApplication, createKeyThroughDialog, signInWithGitHub, uniqueLogin } from "./helpers";

const HOSTILE = '=HYPERLINK("x"),evil';

test("dashboard changes appear in the audit log, which filters in the URL and exports the filtered rows as CSV", async ({
  page,
}) => {
  await signInWithGitHub(page, uniqueLogin("audit"));
  await createApplication(page, "Audit shop");
  await createKeyThroughDialog(page, { name: "Audited key", application: "Audit shop" });
  await createApplication(page, HOSTILE);

  await page.goto("/dashboard/audit-log");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const rows = page.getByRole("table", { name: "Audit log" }).getByTestId("audit-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("application.created");
  await expect(rows.nth(1)).toContainText("api_key.created");
  await expect(rows.nth(1)).toContainText(/127\.0\.0\.1|::1/);

  // Keyboard only: type the action and press Enter.
  await page.getByLabel("Action").fill("api_key.created");
  await page.getByLabel("Action").press("Enter");
  await expect(page).toHaveURL(/action=api_key.created/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("api_key.created");

  // The filter is in the URL: a reload renders the same filtered page on the server.
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(page.getByLabel("Action")).toHaveValue("api_key.created");

  await page.getByLabel("Action").fill("application.created");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows).toHaveCount(2);
  await page.getByLabel("Time").selectOption({ label: "Last hour" });
  await expect(page).toHaveURL(/range=1h/);
  await expect(rows).toHaveCount(2);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await file.path()) ?? "", "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "time,actor_type,actor_id,actor_name,actor_email,action,target_type,target_id,ip,user_agent,metadata",
  );
  expect(lines).toHaveLength(3);
  expect(lines.slice(1).every((line) => line.includes(",application.created,application,"))).toBe(true);
  // The hostile name sits in the metadata JSON, quoted and with its quotes doubled.
  expect(csv).toContain('"{""name"":""=HYPERLINK(\\""x\\""),evil""}"');
  await expect(page.getByText("Exported 2 rows.")).toBeVisible();

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(rows).toHaveCount(3);
  await page.getByLabel("Target id").fill("app_does_not_exist");
  await page.getByLabel("Target id").press("Enter");
  await expect(page.getByText("No audit events match these filters")).toBeVisible();
});
