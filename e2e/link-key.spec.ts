import { expect, test } from "@playwright/test";
import { createApplication, keyRow, signInWithGitHub, uniqueLogin } from "./helpers";

test("a key made without an account keeps its payment link after Link existing key", async ({ page, request }) => {
  // A developer (or a coding agent) gets a key with one plain HTTP request and builds against it.
  const created = await request.post("/api-keys", { data: { label: "my-agent" } });
  expect(created.status()).toBe(201);
  const { key, claimed } = (await created.json()) as { key: string; claimed: boolean };
  expect(claimed).toBe(false);
  const auth = { Authorization: `Bearer ${key}` };
  const link = await request.post("/api/v1/payment_links", {
    headers: auth,
    data: { amount: 1999, currency: "usd", description: "Agent-made link" },
  });
  expect(link.status()).toBe(201);
  const { id: linkId } = (await link.json()) as { id: string };

  // Later they sign in with GitHub and link it to an application.
  await signInWithGitHub(page, uniqueLogin("linker"));
  await createApplication(page, "Agent backend");
  await page.goto("/dashboard/api-keys");
  await page.getByRole("button", { name: "Link existing key" }).click();
  const dialog = page.getByRole("dialog", { name: "Link existing key" });

  // A key that cannot be linked gets the one generic answer.
  await dialog.getByLabel("API key").fill(`ck_test_${"Ab3".repeat(10)}xy`);
  await dialog.getByRole("button", { name: "Link key" }).click();
  await expect(dialog.getByText("This key can't be linked.")).toBeVisible();

  await dialog.getByLabel("API key").fill(key);
  await dialog.getByLabel("Application").selectOption({ label: "Agent backend" });
  await dialog.getByRole("button", { name: "Link key" }).click();
  await expect(dialog).toBeHidden();
  // A toast confirms it (in a polite live region).
  await expect(page.getByText(`Linked ${key.slice(0, 12)}… to Agent backend`)).toBeVisible();

  const row = keyRow(page, key);
  await expect(row).toContainText("my-agent");
  await expect(row).toContainText("linked");
  await expect(row).toContainText("Agent backend");
  expect(await page.content()).not.toContain(key);

  // The same key still works, and still sees the payment link it made in its sandbox.
  const list = await request.get("/api/v1/payment_links", { headers: auth });
  expect(list.status()).toBe(200);
  expect(((await list.json()) as { data: Array<{ id: string }> }).data.map((l) => l.id)).toEqual([linkId]);
  const me = (await (await request.get("/api/v1/me", { headers: auth })).json()) as { application: { name: string } };
  expect(me.application.name).toBe("Agent backend");
});
