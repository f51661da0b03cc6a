import { expect, test, type Page } from "@playwright/test";
import { createApplication, createKeyThroughDialog, selectMode, signInWithGitHub, uniqueLogin } from "./helpers";

const SIZES = [
  { name: "1280x800", width: 1280, height: 800 },
  { name: "390x844", width: 390, height: 844 },
] as const;
const SCOPES = ["links:read", "links:write", "customers:read", "customers:write", "sessions:read", "sessions:write"];

/** A merchant of its own with a test key that reaches payment links, customers and sessions (made at 1280 px). */
async function merchantWithKey(page: Page, prefix: string) {
  await signInWithGitHub(page, uniqueLogin(prefix));
  await createApplication(page, "Shop");
  const key = await createKeyThroughDialog(page, { name: "Backend", application: "Shop", scopes: SCOPES });
  /** What the merchant's backend does: a POST to /api/v1 with the key. */
  const create = async (path: string, data: Record<string, unknown>) => {
    const response = await page.request.post(`/api/v1/${path}`, { headers: { Authorization: `Bearer ${key}` }, data });
    expect(response.status()).toBe(201);
    return (await response.json()) as { id: string };
  };
  return { create };
}

/** Keeps a screenshot of the page with the run's artifacts (test-results/). */
async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

for (const size of SIZES) {
  test.describe(`payments at ${size.name}`, () => {
    test.setTimeout(120_000); // a dozen pages each, on a busy machine
    test("create a customer and a payment link from the dashboard, with inline errors, then archive the link", async ({
      page,
    }) => {
      await signInWithGitHub(page, uniqueLogin("pay-create"));
      await page.setViewportSize(size);

      await page.goto("/dashboard/customers");
      await expect(page.getByText("No test customers yet")).toBeVisible();
      await page.getByRole("button", { name: "New customer" }).click();
      const customerDialog = page.getByRole("dialog", { name: "New customer" });
      await customerDialog.getByLabel("E-mail").fill("not an e-mail");
      await customerDialog.getByRole("button", { name: "Create customer" }).click();
      await expect(customerDialog.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
      await customerDialog.getByLabel("Name").fill("Ada Lovelace");
      await customerDialog.getByLabel("E-mail").fill("ada@example.com");
      await customerDialog.getByLabel("Metadata").fill("crm_id=42");
      await customerDialog.getByRole("button", { name: "Create customer" }).click();
      await expect(page).toHaveURL(/\/dashboard\/customers\/cus_/);
      const details = page.getByRole("region", { name: "Details" });
      await expect(details).toContainText("ada@example.com");
      await expect(page.getByRole("region", { name: "Metadata" })).toContainText("crm_id");
      await expect(page.getByRole("list", { name: "Events" })).toContainText("customer.created");

      await page.goto("/dashboard/payment-links");
      await page.getByRole("button", { name: "New payment link" }).click();
      const dialog = page.getByRole("dialog", { name: "New payment link" });
      await dialog.getByLabel("Amount").fill("12.505");
      await dialog.getByLabel("Currency").fill("dollars");
      await dialog.getByRole("button", { name: "Create payment link" }).click();
      await expect(dialog.getByLabel("Amount")).toHaveAccessibleDescription(/has at most 2 decimals/);
      await expect(dialog.getByLabel("Currency")).toHaveAccessibleDescription(/three-letter ISO 4217 currency code/);
      await dialog.getByLabel("Currency").fill("usd");
      await dialog.getByLabel("Amount").fill("12.50");
      await expect(dialog.getByLabel("Amount")).toHaveAccessibleDescription(/\$12\.50: the API stores 1250/);
      await dialog.getByLabel("Description").fill("Gift card");
      await dialog.getByRole("button", { name: "Create payment link" }).click();
      await expect(page).toHaveURL(/\/dashboard\/payment-links\/plink_/);
      await expect(details).toContainText("$12.50 (1250 in minor units)");
      await expect(details).toContainText("Gift card");

      await details.getByRole("button", { name: "Archive" }).click();
      await page
        .getByRole("dialog", { name: "Archive the $12.50 link?" })
        .getByRole("button", { name: "Archive link" })
        .click();
      await expect(details.getByText("archived", { exact: true })).toBeVisible();
      await expect(page.getByRole("list", { name: "Events" })).toContainText("payment_link.updated");
      await page.goto("/dashboard/payment-links?status=archived");
      await expect(page.getByRole("link", { name: "$12.50" })).toBeVisible();
    });

    test("objects a key created are listed, filtered and opened; sessions expire and complete", async ({ page }) => {
      const { create } = await merchantWithKey(page, "pay-lists");
      const tee = await create("payment_links", { amount: 500, currency: "usd", description: "Blue tee" });
      await create("payment_links", { amount: 1000, currency: "jpy", description: "Green hat" });
      const customer = await create("customers", { email: "grace@example.com", name: "Grace Hopper" });
      const paid = await create("checkout_sessions", {
        payment_link: tee.id,
        customer: customer.id,
        success_url: "https://shop.example/ok",
      });
      const dropped = await create("checkout_sessions", {
        amount: 250,
        currency: "eur",
        success_url: "https://shop.example/ok",
      });
      await page.setViewportSize(size);

      await page.goto("/dashboard/payment-links");
      await expect(page.getByRole("link", { name: "$5.00" })).toBeVisible();
      await expect(page.getByRole("link", { name: "¥1,000" })).toBeVisible();
      await snapshot(page, `payment-links-${size.name}`);
      if (size.width < 640) await page.getByRole("button", { name: "More filters" }).click();
      await page.getByLabel("Currency").fill("jpy");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/currency=jpy/);
      await expect(page.getByRole("link", { name: "$5.00" })).toBeHidden();
      await page.reload(); // the filter is in the URL: the server renders the filtered page
      await expect(page.getByRole("link", { name: "¥1,000" })).toBeVisible();
      await expect(page.getByRole("link", { name: "$5.00" })).toHaveCount(0);
      await page.goto("/dashboard/payment-links?q=tee");
      await page.getByRole("link", { name: "$5.00" }).click();
      await expect(page.getByRole("region", { name: "Details" })).toContainText("Blue tee");
      await snapshot(page, `payment-link-${size.name}`);

      await page.goto("/dashboard/customers");
      await page.getByLabel("Search").fill("grace@");
      await page.getByRole("button", { name: "Apply" }).click();
      await page.getByRole("link", { name: "Grace Hopper" }).click();
      await expect(page.getByRole("region", { name: "Details" })).toContainText("grace@example.com");
      await snapshot(page, `customer-${size.name}`);
      await page.getByRole("link", { name: "Checkout sessions of this customer" }).click();
      await expect(page).toHaveURL(new RegExp(`customer=${customer.id}`));
      await expect(page.getByRole("link", { name: "$5.00" })).toBeVisible();
      await expect(page.getByRole("link", { name: "€2.50" })).toHaveCount(0);
      await page.goto("/dashboard/customers");
      await snapshot(page, `customers-${size.name}`);

      await page.goto("/dashboard/checkout-sessions");
      await expect(page.getByRole("link", { name: "€2.50" })).toBeVisible();
      await snapshot(page, `checkout-sessions-${size.name}`);
      await page.goto(`/dashboard/checkout-sessions/${paid.id}`);
      const details = page.getByRole("region", { name: "Details" });
      await expect(page.getByLabel("Checkout URL (send the buyer here)")).toHaveValue(new RegExp(`/pay/${paid.id}$`));
      await snapshot(page, `checkout-session-${size.name}`);
      await details.getByRole("button", { name: "Complete (test)" }).click();
      await expect(details.getByText("complete", { exact: true })).toBeVisible();
      await expect(page.getByRole("list", { name: "Events" })).toContainText("checkout.session.completed");

      await page.goto(`/dashboard/checkout-sessions/${dropped.id}`);
      await details.getByRole("button", { name: "Expire" }).click();
      await page
        .getByRole("dialog", { name: "Expire this checkout session?" })
        .getByRole("button", { name: "Expire session" })
        .click();
      await expect(details.getByText("expired", { exact: true })).toBeVisible();
      await page.goto("/dashboard/checkout-sessions?status=open");
      await expect(page.getByText("No test checkout sessions match these filters")).toBeVisible();

      // Live: a banner, and none of the test objects.
      await selectMode(page, "Live");
      await page.goto("/dashboard/payment-links");
      await expect(page.getByRole("note", { name: "Live mode" })).toBeVisible();
      await expect(page.getByText("No live payment links yet")).toBeVisible();
      await snapshot(page, `payment-links-live-${size.name}`);
    });
  });
}
