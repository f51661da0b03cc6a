import { expect, test } from "@playwright/test";
import { createApplication, createKeyThroughDialog, keyRow, signInWithGitHub, uniqueLogin } from "./helpers";

// Two signed-in users, an invite and every page each sees: about 35 s on a quiet 2-core machine, over the default 30 s.
test.describe.configure({ timeout: 90_000 });

const MUTATING_BUTTON = /^(New application|Create key|Revoke|Roll|Enable|Disable|Send invite|Create token)/;

test("a viewer invited through Settings sees applications and keys but no mutating button, and the API refuses them", async ({
  page,
  browser,
  baseURL,
}) => {
  const viewerLogin = uniqueLogin("viewer");
  await signInWithGitHub(page, uniqueLogin("owner"));
  await createApplication(page, "Shared store");
  const fullKey = await createKeyThroughDialog(page, { name: "Shared key", application: "Shared store" });

  await page.goto("/dashboard/settings/members");
  const invite = page.getByRole("form", { name: "Invite a member" });
  await invite.getByRole("radio", { name: "GitHub login" }).check();
  await invite.getByRole("textbox", { name: "GitHub login" }).fill(viewerLogin);
  await invite.getByLabel("Role").selectOption("viewer");
  await invite.getByRole("button", { name: "Send invite" }).click();
  await expect(invite.getByRole("status")).toHaveText(
    `Invited @${viewerLogin} as viewer. They join when they sign in.`,
  );
  await expect(page.getByRole("table", { name: "Pending invites" })).toContainText(`@${viewerLogin}`);

  const viewerContext = await browser.newContext({ baseURL });
  const viewer = await viewerContext.newPage();
  await signInWithGitHub(viewer, viewerLogin);
  await expect(viewer.getByTestId("role")).toHaveText("viewer");

  await viewer.goto("/dashboard/applications");
  await expect(viewer.getByRole("link", { name: "Shared store", exact: true })).toBeVisible();
  await expect(viewer.getByRole("button", { name: MUTATING_BUTTON })).toHaveCount(0);

  await viewer.getByRole("link", { name: "Shared store", exact: true }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Shared store" })).toBeVisible();
  await expect(keyRow(viewer, fullKey)).toContainText("Shared key");
  await expect(viewer.getByRole("button", { name: MUTATING_BUTTON })).toHaveCount(0);

  await viewer.goto("/dashboard/api-keys");
  await expect(keyRow(viewer, fullKey)).toContainText("Shared store");
  await expect(viewer.getByRole("button", { name: MUTATING_BUTTON })).toHaveCount(0);

  await viewer.goto("/dashboard/settings/members");
  await expect(viewer.getByRole("table", { name: "Members" })).toContainText(`@${viewerLogin}`);
  await expect(viewer.getByText("Only the owner can invite members.")).toBeVisible();
  await viewer.goto("/dashboard/settings/management-tokens");
  await expect(viewer.getByText("Only owners and admins can see and create management tokens.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: MUTATING_BUTTON })).toHaveCount(0);

  const origin = new URL(baseURL ?? viewer.url()).origin;
  const refused = await viewer.request.post("/api/v1/applications", {
    data: { name: "x" },
    headers: { Origin: origin },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("missing_permission");

  // The owner now sees the viewer as a member, with the role.
  await page.reload();
  const members = page.getByRole("table", { name: "Members" });
  await expect(members.getByRole("row").filter({ hasText: `@${viewerLogin}` })).toContainText("viewer");
  // Each row's role is a select for the owner: exactly one of them says owner.
  const roles = await members
    .getByRole("combobox")
    .evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).value));
  expect(roles.filter((role) => role === "owner")).toHaveLength(1);
  await viewerContext.close();
});

test("the merchant switcher moves a member of two merchants between them, with the role of each", async ({
  page,
  browser,
  baseURL,
}) => {
  const memberLogin = uniqueLogin("member");
  await signInWithGitHub(page, memberLogin);
  await createApplication(page, "Alpha app");

  const otherContext = await browser.newContext({ baseURL });
  const other = await otherContext.newPage();
  await signInWithGitHub(other, uniqueLogin("other"));
  await createApplication(other, "Beta app");
  await other.goto("/dashboard/settings/members");
  const invite = other.getByRole("form", { name: "Invite a member" });
  await invite.getByRole("textbox", { name: "GitHub login" }).fill(memberLogin);
  await invite.getByLabel("Role").selectOption("developer");
  await invite.getByRole("button", { name: "Send invite" }).click();
  await expect(invite.getByRole("status")).toContainText("as developer");
  await otherContext.close();

  // Signing in again accepts the invite: the member now belongs to two merchants.
  const memberContext = await browser.newContext({ baseURL });
  const member = await memberContext.newPage();
  await signInWithGitHub(member, memberLogin);
  const switcher = member.getByRole("combobox", { name: "Merchant" });
  await expect(switcher.locator("option")).toHaveCount(2);
  await expect(member.getByTestId("role")).toHaveText("owner");

  await member.goto("/dashboard/applications");
  await expect(member.getByRole("link", { name: "Alpha app" })).toBeVisible();
  const otherMerchant = await switcher.locator("option", { hasText: "(developer)" }).getAttribute("value");
  await switcher.selectOption(otherMerchant ?? "");
  await expect(member.getByTestId("role")).toHaveText("developer");
  await expect(member.getByRole("link", { name: "Beta app" })).toBeVisible();
  await expect(member.getByRole("link", { name: "Alpha app" })).toHaveCount(0);
  await expect(member.getByRole("button", { name: "New application" })).toHaveCount(0);
  const listed = await (await member.request.get("/api/v1/applications")).json();
  expect(listed.items.map((application: { name: string }) => application.name)).toEqual(["Beta app"]);

  await switcher.selectOption({ index: 0 });
  await expect(member.getByTestId("role")).toHaveText("owner");
  await expect(member.getByRole("link", { name: "Alpha app" })).toBeVisible();
  await expect(member.getByRole("button", { name: "New application" })).toBeVisible();
  await memberContext.close();
});
