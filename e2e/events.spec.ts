import { expect, test } from "@playwright/test";
import { createApplication, createKeyThroughDialog, signInWithGitHub, uniqueLogin } from "./helpers";

// A public address literal, so the production server accepts the endpoint without a DNS lookup. Nothing ever
// connects to it: the e2e server runs without the webhook worker (playwright.config.ts), so the delivery stays
// pending. Tests send traffic to loopback only.
const ENDPOINT = "https://93.184.215.14/hooks";

test("objects created with an API key appear as events, filter by type, and show their JSON and deliveries", async ({
  page,
}) => {
  await signInWithGitHub(page, uniqueLogin("events"));
  await createApplication(page, "Event shop");
  const key = await createKeyThroughDialog(page, {
    name: "Backend",
    application: "Event shop",
    scopes: ["customers:write", "links:write", "webhooks:write"],
  });
  const post = async (path: string, data: unknown) => {
    const response = await page.request.post(`/api/v1/${path}`, {
      headers: { Authorization: `Bearer ${key}` },
      data,
    });
    expect(response.status(), await response.text()).toBe(201);
    return response.json();
  };
  await post("webhook_endpoints", { url: ENDPOINT, enabled_events: ["customer.created"] });
  const customer = await post("customers", { name: "Grace Hopper", email: "grace@example.com" });
  await post("payment_links", { amount: 1500, currency: "usd" });

  await page.goto("/dashboard/events");
  const rows = page.getByRole("table", { name: "Events" }).getByTestId("event-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("payment_link.created");
  await expect(rows.nth(1)).toContainText("customer.created");
  await expect(rows.nth(1)).toContainText(customer.id);

  await page.getByLabel("Type").selectOption("customer.created");
  await expect(page).toHaveURL(/type=customer.created/);
  await expect(rows).toHaveCount(1);

  // Live mode has no events of this merchant yet.
  await page.getByRole("group", { name: "Mode" }).getByRole("button", { name: "Live" }).click();
  await expect(page.getByText("No events match these filters")).toBeVisible();
  await page.getByRole("group", { name: "Mode" }).getByRole("button", { name: "Test" }).click();
  await expect(rows).toHaveCount(1);

  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/dashboard\/events\/evt_/);
  const json = page.getByTestId("event-json");
  await expect(json).toContainText('"type": "customer.created"');
  await expect(json).toContainText('"name": "Grace Hopper"');
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy JSON" }).click();
  await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toMatchObject({
    type: "customer.created",
    data: { object: { id: customer.id } },
  });

  const delivery = page.getByRole("table", { name: "Webhook deliveries" }).getByTestId("delivery-row");
  await expect(delivery).toHaveCount(1);
  await expect(delivery).toContainText(ENDPOINT);
  await expect(delivery).toContainText("pending");
});
