import { expect, test, type Page } from "@playwright/test";
import { createApplication, createKeyThroughDialog, serveOtherOrigin, signInWithGitHub, uniqueLogin } from "./helpers";

/** Every CSP violation and console error of the page, across navigations (a missing favicon aside). */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportViolation", (report: string) => problems.push(report));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation: (report: string) => void }).reportViolation;
      report(`${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) {
      problems.push(`${new URL(page.url()).pathname}: console error: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`${new URL(page.url()).pathname}: ${error.message}`));
  return problems;
}

test("no page breaks its Content-Security-Policy: scripts, styles and dialogs all work", async ({ page }) => {
  test.setTimeout(90_000); // a dozen pages
  const problems = await watchForProblems(page);
  const landing = await page.goto("/");
  expect(landing?.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'.*frame-ancestors 'none'/);
  await signInWithGitHub(page, uniqueLogin("csp"));
  await createApplication(page, "Shop");
  await page.getByRole("link", { name: "Shop", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/applications\/app_/);
  await expect(page.getByRole("heading", { name: "Shop" })).toBeVisible();
  await createKeyThroughDialog(page, { name: "CSP key", application: "Shop" });

  for (const path of [
    "/dashboard",
    "/dashboard/applications",
    "/dashboard/api-keys",
    "/dashboard/settings",
    "/dashboard/settings/management-tokens",
    "/dashboard/settings/members",
    "/docs/api",
    "/",
  ]) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
    await page.waitForLoadState("networkidle");
  }
  // Client-side rendering after hydration: a dialog opens.
  await page.goto("/dashboard/api-keys");
  await page.getByRole("button", { name: "Link existing key" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(problems).toEqual([]);
});

test("another origin cannot frame the dashboard (its revoke buttons stay out of clickjacking)", async ({
  page,
  baseURL,
}) => {
  const attacker = await serveOtherOrigin(
    `<!doctype html><title>waiting</title><iframe src="${baseURL}/dashboard/api-keys" onload="document.title='loaded'"></iframe>`,
  );
  try {
    const refused: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("frame-ancestors")) refused.push(message.text());
    });
    await page.goto(attacker.origin);
    await expect(page).toHaveTitle("loaded");
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Merchant Console" })).toHaveCount(0);
    expect(refused.length).toBeGreaterThan(0);
  } finally {
    await attacker.close();
  }
});
