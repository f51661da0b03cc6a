import { expect, test } from "@playwright/test";
import {
  createApplication,
  createKeyThroughDialog,
  signInWithGitHub,
  startDeliveringInstance,
  startWebhookReceiver,
  uniqueLogin,
} from "./helpers";

test("requests made with a key show in Logs with their status, filter by class, and trace to the delivery", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const receiver = await startWebhookReceiver();
  const second = await startDeliveringInstance();
  try {
    await signInWithGitHub(page, uniqueLogin("logs"));
    await createApplication(page, "Logs shop");
    const key = await createKeyThroughDialog(page, {
      name: "Logs backend",
      application: "Logs shop",
      scopes: ["customers:read", "customers:write", "webhooks:write"],
    });
    const headers = { Authorization: `Bearer ${key}` };

    await page.goto("/dashboard/logs");
    await expect(page.getByText("No test requests yet")).toBeVisible();

    const endpoint = await page.request.post(`${second.url}/api/v1/webhook_endpoints`, {
      headers,
      data: { url: receiver.url, enabled_events: ["customer.created"] },
    });
    expect(endpoint.status()).toBe(201);
    expect((await page.request.get("/api/v1/me", { headers })).status()).toBe(200);
    expect((await page.request.get("/api/v1/customers/cus_missing", { headers })).status()).toBe(404);
    const customer = await page.request.post(`${second.url}/api/v1/customers`, { headers, data: { name: "Ada" } });
    expect(customer.status()).toBe(201);
    const customerId = ((await customer.json()) as { id: string }).id;

    // The log is written in batches every few seconds: live tail shows the requests as they land.
    await page.getByRole("button", { name: "Live tail" }).click();
    await expect(page.getByRole("button", { name: "Live tail" })).toHaveAttribute("aria-pressed", "true");
    const table = page.getByRole("table", { name: "API requests, newest first" });
    await expect(table.getByTestId("log-row")).toHaveCount(4, { timeout: 20_000 });
    await expect(table.getByTestId("log-row").first()).toContainText("/api/v1/customers");
    await expect(table.getByTestId("log-row").first()).toContainText("201");
    await expect(table.getByRole("button", { name: "GET /api/v1/customers/cus_missing 404, details" })).toBeVisible();

    await page.getByLabel("Status").selectOption("4xx");
    await expect(page).toHaveURL(/status=4xx/);
    await expect(table.getByTestId("log-row")).toHaveCount(1);
    await expect(table.getByTestId("log-row")).toContainText("resource_missing");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(table.getByTestId("log-row")).toHaveCount(4);

    await table.getByRole("button", { name: "POST /api/v1/customers 201, details" }).click();
    const detail = page.getByRole("dialog", { name: "POST /api/v1/customers" });
    await expect(page).toHaveURL(/log=rlog_/);
    await expect(detail.getByText("Logs backend")).toBeVisible();
    const trace = detail.getByRole("region", { name: "Trace" });
    await expect(trace.getByText(customerId)).toBeVisible();
    await expect(trace.getByTestId("trace-event")).toContainText("customer.created");
    // The worker delivers within a couple of seconds; the open detail follows it while live tail is on.
    const delivery = trace.getByTestId("trace-delivery");
    await expect(delivery).toContainText(receiver.url);
    await expect(delivery).toContainText("succeeded", { timeout: 20_000 });
    await expect(delivery).toContainText("last answer 200");
    expect(receiver.headers).toHaveLength(1);

    // A shared link opens the same request, server-rendered.
    await page.reload();
    await expect(page.getByRole("dialog", { name: "POST /api/v1/customers" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(page).not.toHaveURL(/log=/);
  } finally {
    await second.stop("SIGTERM");
    await receiver.close();
  }
});
