import { expect, test } from "@playwright/test";
import {
  callMe,
  createApplication,
  createKeyThroughDialog,
  keyRow,
  selectMode,
  signInWithGitHub,
  uniqueLogin,
} from "./helpers";

test("the home chart, the key's sparkline and its page count the requests made with a key; the range is in the URL", async ({
  page,
}) => {
  test.setTimeout(120_000); // usage counters are written in batches every few seconds
  await signInWithGitHub(page, uniqueLogin("usage"));
  await createApplication(page, "Usage shop");
  const fullKey = await createKeyThroughDialog(page, {
    name: "Usage backend",
    application: "Usage shop",
    scopes: ["customers:read"],
  });

  await page.goto("/dashboard");
  const chart = page.getByRole("region", { name: "API usage (test)" });
  await expect(chart.getByText("No requests with test keys in the last 24 hours")).toBeVisible();

  for (let i = 0; i < 3; i += 1) expect((await callMe(page, fullKey)).status).toBe(200);
  const missing = await page.request.get("/api/v1/customers/cus_missing", {
    headers: { Authorization: `Bearer ${fullKey}` },
  });
  expect(missing.status()).toBe(404); // answered with an error: counted in both series
  // The counters are flushed every 5 seconds: the server-rendered totals show them after a reload.
  await expect(async () => {
    await page.reload();
    await expect(chart.getByTestId("usage-totals")).toContainText("4 requests", { timeout: 1000 });
  }).toPass({ timeout: 40_000 });
  await expect(chart.getByTestId("usage-totals")).toContainText("1 error");
  await expect(chart.getByTestId("usage-plot")).toBeVisible();
  const table = chart.getByRole("table", { name: /requests and errors of test keys in the last 24 hours/ });
  await expect(table.getByRole("row")).toHaveCount(25);

  await chart.getByRole("navigation", { name: "Usage range" }).getByRole("link", { name: "30 d" }).click();
  await expect(page).toHaveURL(/usage=30d/);
  await expect(chart.getByTestId("usage-totals")).toContainText("in the last 30 days");
  await expect(chart.getByTestId("usage-totals")).toContainText("4 requests");
  await page.reload();
  await expect(chart.getByRole("link", { name: "30 d" })).toHaveAttribute("aria-current", "true");

  await selectMode(page, "Live");
  const liveChart = page.getByRole("region", { name: "API usage (live)" });
  await expect(liveChart.getByText("No requests with live keys in the last 30 days")).toBeVisible();
  await selectMode(page, "Test");

  await page.goto("/dashboard/api-keys");
  await expect(keyRow(page, fullKey).getByRole("img", { name: "4 requests in the last 7 days" })).toBeVisible();

  await page.getByRole("link", { name: "Usage shop" }).first().click();
  const appChart = page.getByRole("region", { name: "Usage of this application's keys" });
  await expect(appChart.getByTestId("usage-totals")).toContainText("4 requests");

  // The key's own page charts the same requests.
  await page.goto("/dashboard/api-keys");
  await page.getByRole("link", { name: "Usage backend", exact: true }).click();
  const keyChart = page.getByRole("region", { name: "Usage of this key" });
  await expect(keyChart.getByTestId("usage-totals")).toContainText("4 requests");
  await expect(keyChart.getByTestId("usage-totals")).toContainText("1 error");
});
