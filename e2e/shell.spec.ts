import { expect, test } from "@playwright/test";
import { signInWithGitHub, uniqueLogin } from "./helpers";

test("signed out, the dashboard sends you to sign in", async ({ page }) => {
  await page.goto("/dashboard/api-keys");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Demo sign-in/ })).toHaveCount(0);
});

test("GitHub sign-in creates a merchant with you as owner; signing out ends the session", async ({ page, context }) => {
  const login = uniqueLogin("octo");
  await signInWithGitHub(page, login);
  await expect(page.getByTestId("role")).toHaveText("owner");
  const merchants = await (await page.request.get("/api/v1/merchants")).json();
  expect(merchants.items).toEqual([expect.objectContaining({ role: "owner" })]);

  const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(cookie?.value).toBeTruthy();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  // The old cookie no longer works: the session row is gone, not just the cookie.
  const replay = await page.request.get("/api/v1/merchants", {
    headers: { Cookie: `authjs.session-token=${cookie?.value}` },
  });
  expect(replay.status()).toBe(401);
});

test("health answers without a database round trip", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
