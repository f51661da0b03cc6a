import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApplication, signIn, routeTestServer } from "@/test/support";

const server = routeTestServer();

type Page = { items: Array<{ id: string; name: string; prefix: string; status: string }>; has_more: boolean };
async function list(caller: { cookie: string }, query: string): Promise<{ status: number; body: Page }> {
  const response = await fetch(`${server.url}/api/v1/api-keys?${query}`, { headers: { Cookie: caller.cookie } });
  return { status: response.status, body: await response.json() };
}

/** `count` test keys in one application, created a second apart (key 0 oldest), straight in the database. */
async function seed(merchantId: string, count: number, name = (i: number) => `key ${i}`) {
  const applicationId = (await createApplication(merchantId)).id;
  const start = Date.parse("2026-11-01T00:00:00Z");
  for (let i = 0; i < count; i += 1) {
    await db.apiKey.create({
      data: {
        id: `key_seed${String(i).padStart(4, "0")}${merchantId.slice(-6)}`,
        merchantId,
        applicationId,
        name: name(i),
        mode: "test",
        prefix: `ck_test_${String(i).padStart(4, "0")}`,
        hash: `${merchantId}-${i}`,
        scopes: [],
        createdAt: new Date(start + i * 1000),
      },
    });
  }
  return applicationId;
}

describe("GET /api/v1/api-keys", () => {
  it("pages newest first with limit and starting_after, has_more saying whether a next page exists", async () => {
    const owner = await signIn();
    await seed(owner.merchantId, 5);
    const first = await list(owner, "mode=test&limit=2");
    expect(first.status).toBe(200);
    expect(first.body.items.map((key) => key.name)).toEqual(["key 4", "key 3"]);
    expect(first.body.has_more).toBe(true);
    const second = await list(owner, `mode=test&limit=2&starting_after=${first.body.items[1]!.id}`);
    expect(second.body.items.map((key) => key.name)).toEqual(["key 2", "key 1"]);
    const last = await list(owner, `mode=test&limit=2&starting_after=${second.body.items[1]!.id}`);
    expect(last.body).toMatchObject({ has_more: false, items: [{ name: "key 0" }] });
  });

  it("breaks ties of the same creation time by id, so no key is skipped or repeated", async () => {
    const owner = await signIn();
    const applicationId = (await createApplication(owner.merchantId)).id;
    const createdAt = new Date("2026-11-01T00:00:00Z");
    for (const i of [1, 2, 3, 4]) {
      await db.apiKey.create({
        data: {
          ...{ id: `key_tie${i}${owner.merchantId.slice(-6)}`, merchantId: owner.merchantId, applicationId },
          ...{ name: `tie ${i}`, mode: "test", prefix: `ck_test_tie${i}`, hash: `${owner.merchantId}-tie-${i}` },
          ...{ scopes: [], createdAt },
        },
      });
    }
    const seen: string[] = [];
    let after = "";
    for (let page = 0; page < 4; page += 1) {
      const { body } = await list(owner, `limit=1${after && `&starting_after=${after}`}`);
      seen.push(...body.items.map((key) => key.name));
      after = body.items.at(-1)?.id ?? "";
      if (!body.has_more) break;
    }
    expect(seen).toEqual(["tie 4", "tie 3", "tie 2", "tie 1"]);
  });

  it("searches names (anywhere) and display prefixes (from the start), and filters by status in the query", async () => {
    const owner = await signIn();
    await seed(owner.merchantId, 4, (i) => ["Checkout backend", "Webhook worker", "checkout cron", "Other"][i]!);
    const names = async (query: string) => (await list(owner, query)).body.items.map((key) => key.name);
    expect(await names("q=checkout")).toEqual(["checkout cron", "Checkout backend"]);
    expect(await names("q=ck_test_0001")).toEqual(["Webhook worker"]);
    expect(await names(`q=${encodeURIComponent("ck_test_0001…")}`)).toEqual(["Webhook worker"]);
    await db.apiKey.updateMany({ where: { merchantId: owner.merchantId, name: "Other" }, data: { status: "revoked" } });
    await db.apiKey.updateMany({
      where: { merchantId: owner.merchantId, name: "Webhook worker" },
      data: { graceEndsAt: new Date("2026-11-02T00:00:00Z") },
    });
    expect(await names("status=revoked")).toEqual(["Other"]);
    expect(await names("status=expired")).toEqual(["Webhook worker"]);
    expect(await names("status=active")).toEqual(["checkout cron", "Checkout backend"]);
  });

  it("answers a cursor of no key of this merchant with 400 naming starting_after", async () => {
    const owner = await signIn();
    const response = await list(owner, "starting_after=key_nope");
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { param: "starting_after" } });
  });
});
