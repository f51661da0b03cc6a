import { expect, test } from "@playwright/test";
import { closeShowOnceWithoutCopying, signInWithGitHub, uniqueLogin } from "./helpers";

test("a management token is shown once, works on the management API, and stops when revoked", async ({ page }) => {
  await signInWithGitHub(page, uniqueLogin("tokens"));
  await page.goto("/dashboard/settings");
  await page.getByRole("main").getByRole("link", { name: "Management tokens" }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/settings\/management-tokens$/);
  await expect(page.getByText("No management tokens yet")).toBeVisible();

  const form = page.getByRole("form", { name: "Create management token" });
  await form.getByLabel("Token name").fill("CI deploys");
  await form.getByLabel("Expires in").selectOption("1h");
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("dialog", { name: "Your new management token" });
  await expect(shown.getByText("it will not be shown again")).toBeVisible();
  const token = await shown.getByLabel("Management token").inputValue();
  expect(token.split(".")).toHaveLength(3);
  // Tokens cannot be rolled: the warning says what to do instead.
  await expect(shown).toContainText("if you lose it, revoke it and create a new one");
  await expect(shown).not.toContainText("roll it");
  await closeShowOnceWithoutCopying(page, shown);

  const row = page.getByRole("table", { name: "Management tokens" }).getByRole("row").filter({ hasText: "CI deploys" });
  await expect(row).toContainText("active");
  expect(await page.content()).not.toContain(token);
  const withToken = () => page.request.get("/api/v1/applications", { headers: { Authorization: `Bearer ${token}` } });
  expect((await withToken()).status()).toBe(200);

  await row.getByRole("button", { name: "Revoke CI deploys" }).click();
  await page.getByRole("dialog", { name: "Revoke CI deploys?" }).getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("revoked");
  const refused = await withToken();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("invalid_management_token");
});

test("an owner changes a member's role, removes them and revokes an invite; the last owner is explained", async ({
  page,
  browser,
  baseURL,
}) => {
  const ownerLogin = uniqueLogin("owner");
  const memberLogin = uniqueLogin("member");
  await signInWithGitHub(page, ownerLogin);
  await page.goto("/dashboard/settings/members");
  const invite = page.getByRole("form", { name: "Invite a member" });

  // A bad e-mail is a sentence, not "Invalid email address".
  await invite.getByRole("radio", { name: "E-mail" }).check();
  await invite.getByRole("textbox", { name: "E-mail" }).fill("dev@");
  await invite.getByRole("button", { name: "Send invite" }).click();
  await expect(invite.getByRole("textbox", { name: "E-mail" })).toHaveAccessibleDescription(
    "E-mail must be an e-mail address such as dev@shop.example",
  );
  await invite.getByRole("textbox", { name: "E-mail" }).fill("later@shop.example");
  await invite.getByRole("button", { name: "Send invite" }).click();
  await expect(invite.getByRole("status")).toContainText("Invited later@shop.example");
  await invite.getByRole("radio", { name: "GitHub login" }).check();
  await invite.getByRole("textbox", { name: "GitHub login" }).fill(memberLogin);
  await invite.getByRole("button", { name: "Send invite" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invited @${memberLogin}`);

  const invites = page.getByRole("table", { name: "Pending invites" });
  await invites.getByRole("button", { name: "Revoke the invite of later@shop.example" }).click();
  await page
    .getByRole("dialog", { name: /Revoke the invite/ })
    .getByRole("button", { name: "Revoke invite" })
    .click();
  await expect(invites).not.toContainText("later@shop.example");

  const memberContext = await browser.newContext({ baseURL });
  const member = await memberContext.newPage();
  await signInWithGitHub(member, memberLogin);
  await expect(member.getByTestId("role")).toHaveText("viewer"); // the invite form's default role

  await page.reload();
  const members = page.getByRole("table", { name: "Members" });
  const ownerName = `${ownerLogin[0]?.toUpperCase()}${ownerLogin.slice(1)}`;
  const memberName = `${memberLogin[0]?.toUpperCase()}${memberLogin.slice(1)}`;
  await expect(members.getByRole("combobox", { name: `Role of ${ownerName}` })).toBeDisabled();
  await expect(members).toContainText("Last owner: cannot be demoted or removed.");
  await expect(members.getByRole("button", { name: `Remove ${ownerName}` })).toBeDisabled();

  await members.getByRole("combobox", { name: `Role of ${memberName}` }).selectOption("admin");
  await member.reload();
  await expect(member.getByTestId("role")).toHaveText("admin");

  await members.getByRole("button", { name: `Remove ${memberName}` }).click();
  await page
    .getByRole("dialog", { name: `Remove ${memberName}?` })
    .getByRole("button", { name: "Remove member" })
    .click();
  await expect(members).not.toContainText(memberName);
  const refused = await member.request.get("/api/v1/applications");
  expect(refused.status()).toBe(403);
  await memberContext.close();
});
