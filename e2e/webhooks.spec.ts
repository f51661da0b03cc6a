import { expect, test } from "@playwright/test";
import {
  addWebhookEndpointInDashboard,
  closeShowOnceWithoutCopying,
  createApplication,
  createKeyThroughDialog,
  startDeliveringInstance,
  startWebhookReceiver,
  signInWithGitHub,
  uniqueLogin,
} from "./helpers";

test("an endpoint whose receiver fails: see the failure, resend, retry failed since, rotate the secret", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const receiver = await startWebhookReceiver();
  receiver.state.status = 500; // failing until the test says otherwise
  const second = await startDeliveringInstance();
  try {
    await signInWithGitHub(page, uniqueLogin("webhooks"));
    await createApplication(page, "Webhook shop");
    const key = await createKeyThroughDialog(page, {
      name: "Webhook backend",
      application: "Webhook shop",
      scopes: ["customers:write", "webhooks:write"],
    });
    const headers = { Authorization: `Bearer ${key}` };
    const post = async (path: string, data: unknown) => {
      const response = await page.request.post(`${second.url}/api/v1/${path}`, { headers, data });
      expect(response.status(), await response.text()).toBe(201);
    };
    await post("webhook_endpoints", { url: receiver.url, enabled_events: ["customer.created"] });
    await post("customers", { name: "Ada" });

    await page.goto("/dashboard/webhooks");
    await page.getByRole("link", { name: receiver.url }).click();
    await expect(page).toHaveURL(/\/dashboard\/webhooks\/we_/);
    const rows = page.getByRole("table", { name: "Deliveries" }).getByTestId("delivery-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("HTTP 500", { timeout: 20_000 });
    await expect(rows.first()).toContainText("pending");

    // The receiver is fixed: Resend delivers now, without waiting for the next retry.
    receiver.state.status = 200;
    await rows
      .first()
      .getByRole("button", { name: /^Resend/ })
      .click();
    await expect(page.getByText("Queued the delivery to be sent again.")).toBeVisible();
    await expect(rows.first()).toContainText("succeeded", { timeout: 20_000 });
    await expect(rows.first()).toContainText("HTTP 200");

    // It fails again for a second event; "Retry failed since" queues every failed one of the time chosen.
    receiver.state.status = 503;
    await post("customers", { name: "Grace" });
    await expect(rows).toHaveCount(2, { timeout: 20_000 });
    await expect(rows.first()).toContainText("HTTP 503", { timeout: 20_000 });
    receiver.state.status = 200;
    await page.getByLabel("Retry failed since").selectOption("3600");
    await page.getByRole("button", { name: "Retry failed" }).click();
    await expect(page.getByText("Queued 1 failed deliveries to be sent again.")).toBeVisible();
    await expect(rows.first()).toContainText("succeeded", { timeout: 20_000 });

    // Rotating with an overlap: the new secret is shown once, and deliveries carry both signatures.
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const rotate = page.getByRole("dialog", { name: "Rotate the signing secret" });
    await rotate.getByLabel("1 hour").check();
    await rotate.getByRole("button", { name: "Rotate secret" }).click();
    const shown = page.getByRole("dialog", { name: "Signing secret" });
    await expect(shown.getByLabel("Signing secret", { exact: true })).toHaveValue(/^whsec_/);
    await closeShowOnceWithoutCopying(page, shown);
    await expect(page.getByText("Old secret signs until")).toBeVisible();
    const before = receiver.headers.length;
    await post("customers", { name: "Hedy" });
    await expect.poll(() => receiver.headers.length, { timeout: 20_000 }).toBeGreaterThan(before);
    expect(String(receiver.headers.at(-1)?.["webhook-signature"]).match(/v1=/g)).toHaveLength(2);

    // An endpoint added in the dashboard shows its secret once, then its page.
    await addWebhookEndpointInDashboard(page);
    await expect(shown.getByLabel("Signing secret", { exact: true })).toHaveValue(/^whsec_/);
    await closeShowOnceWithoutCopying(page, shown);
    await expect(page).toHaveURL(/\/dashboard\/webhooks\/we_/);
    await expect(page.getByText("https://93.184.215.14/hooks", { exact: true })).toBeVisible();
    await expect(page.getByText("No deliveries yet")).toBeVisible();
  } finally {
    await second.stop();
    await receiver.close();
  }
});
