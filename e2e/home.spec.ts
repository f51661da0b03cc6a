import { expect, test } from "@playwright/test";
import { callMe, createApplication, createKeyThroughDialog, signInWithGitHub, uniqueLogin } from "./helpers";

test("a new account's checklist ticks each step as it is done, shows the curl line, and can be dismissed", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000); // it waits for the key's last use, written every few seconds
  await signInWithGitHub(page, uniqueLogin("newcomer"));
  await page.goto("/dashboard");
  const checklist = page.getByRole("region", { name: "Get started" });
  const step = (name: string) => checklist.getByRole("listitem").filter({ hasText: name });
  await expect(checklist).toContainText("0 of 4 done");
  await expect(step("Create an application")).toContainText("To do");
  const curl = checklist.getByLabel("First request");
  await expect(curl).toHaveText(
    `curl ${new URL(baseURL!).origin}/api/v1/me \\\n  -H "Authorization: Bearer <your test key>"`,
  );
  await expect(step("See it arrive").getByRole("link", { name: "Open the request log" })).toHaveAttribute(
    "href",
    "/dashboard/logs",
  );

  await createApplication(page, "First app");
  await page.goto("/dashboard");
  await expect(step("Create an application")).toContainText("Done");
  await expect(checklist).toContainText("1 of 4 done");

  const fullKey = await createKeyThroughDialog(page, { name: "First key", application: "First app" });
  await page.goto("/dashboard");
  await expect(checklist).toContainText("2 of 4 done");

  expect((await callMe(page, fullKey)).status).toBe(200);
  // The key's last use is written in batches a few seconds after the request.
  await expect(async () => {
    await page.reload();
    await expect(checklist).toContainText("All done", { timeout: 1000 });
  }).toPass({ timeout: 40_000 });
  await expect(step("Make your first request")).toContainText("Done");
  await expect(step("See it arrive")).toContainText("last answered a request");

  await checklist.getByRole("button", { name: "Dismiss" }).click();
  await expect(checklist).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(checklist).toHaveCount(0);
});

test("the API reference links back to the dashboard, describes fields, and shows curl and the SDK's source", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000); // the reference is one large page
  await signInWithGitHub(page, uniqueLogin("docs"));
  await page.getByRole("banner").getByRole("link", { name: "Docs" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  const origin = new URL(baseURL!).origin;

  const create = page.locator("article#postPaymentLinks");
  await expect(create).toContainText("In the currency's smallest unit (minor units): 2000 is $20.00 in usd");
  await expect(create.getByLabel("example")).toContainText(`curl "${origin}/api/v1/payment_links"`);
  await expect(create.getByLabel("example")).toContainText(`-d '{"amount":2000,"currency":"usd"}'`);
  await expect(page.getByText("import from @/lib/sdk")).toHaveCount(0);
  await expect(page.getByText(/The TypeScript SDK is not published to npm/)).toBeVisible();
  await expect(page.getByRole("link", { name: `${origin}/api/v1/openapi.json` })).toBeVisible();

  await page.getByRole("link", { name: /Dashboard/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});
