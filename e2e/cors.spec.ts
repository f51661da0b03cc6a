import { expect, test } from "@playwright/test";
import { createApplication, createKeyThroughDialog, serveOtherOrigin, signInWithGitHub, uniqueLogin } from "./helpers";

test("a page of an allowed origin calls the API with a key; a page of another origin cannot", async ({ page }) => {
  const shop = await serveOtherOrigin();
  const stranger = await serveOtherOrigin();
  try {
    await signInWithGitHub(page, uniqueLogin("cors"));
    await createApplication(page, "Storefront", { allowedOrigins: [shop.origin] });
    const key = await createKeyThroughDialog(page, {
      name: "Browser key",
      application: "Storefront",
      scopes: ["customers:write"],
    });
    const api = new URL("/api/v1/", page.url()).href;

    // Authorization, Content-Type: application/json and Idempotency-Key each make the browser send a preflight.
    await page.goto(shop.origin);
    const fromShop = await page.evaluate(
      async ({ api, key }) => {
        const me = await fetch(`${api}me`, { headers: { Authorization: `Bearer ${key}` } });
        const created = await fetch(`${api}customers`, {
          method: "POST",
          headers: { "X-Api-Key": key, "Content-Type": "application/json", "Idempotency-Key": "cors-e2e-1" },
          body: JSON.stringify({ email: "buyer@shop.example" }),
        });
        return {
          me: me.status,
          mode: ((await me.json()) as { mode: string }).mode,
          requestId: me.headers.get("x-request-id"),
          remaining: me.headers.get("ratelimit-remaining"),
          created: created.status,
          object: ((await created.json()) as { object: string }).object,
        };
      },
      { api, key },
    );
    expect(fromShop).toEqual({
      me: 200,
      mode: "test",
      requestId: expect.stringMatching(/^req_/),
      remaining: expect.stringMatching(/^\d+$/),
      created: 201,
      object: "customer",
    });

    // The same key from an origin its application does not list: the browser gets nothing it may read.
    await page.goto(stranger.origin);
    const fromStranger = await page.evaluate(
      ({ api, key }) =>
        fetch(`${api}me`, { headers: { Authorization: `Bearer ${key}` } }).then(
          (response) => `answered ${response.status}`,
          (error: Error) => `rejected: ${error.name}`,
        ),
      { api, key },
    );
    expect(fromStranger).toBe("rejected: TypeError");
  } finally {
    await shop.close();
    await stranger.close();
  }
});
