import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config, overrideConfigForTests } from "../config";
import type { Context } from "../context";
import { createDb, type DbHandle } from "../db";
import { applyMigrations } from "@/tools/db/migrate";
import { createCustomer } from "../payments/customers";
import { verifyWebhookSignature } from "../sdk";
import { createTestDatabase, startNextServer, type TestDatabase } from "@/test/support";
import { createWebhookEndpoint } from "./endpoints";

// A database of its own: the worker of this server must not deliver the other test files' webhooks.
let database: TestDatabase;
let handle: DbHandle;
beforeAll(async () => {
  database = await createTestDatabase(config.TEST_DB_ENGINE, config.TEST_DATABASE_URL_PG);
  await applyMigrations(database.url);
  handle = createDb(database.url);
});
afterAll(async () => {
  await handle.db.$disconnect();
  await database.drop();
});

describe("the delivery worker (real server, started by instrumentation.ts)", () => {
  it("delivers what was queued while no server ran, signed, and records the attempt", async () => {
    const received: Array<{ body: string; signature: string }> = [];
    const receiver = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        received.push({ body, signature: String(request.headers["webhook-signature"]) });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const owner = { ownerId: "mer_worker_test", livemode: false };
    const ctx: Context = { db: handle.db, bus: { async publish() {} }, now: () => new Date() };
    // Queued with no process running: the delivery exists only as a database row.
    const endpoint = await createWebhookEndpoint(ctx, {
      owner,
      endpoint: { url, enabled_events: ["customer.created"] },
    });
    const customer = await createCustomer(ctx, { owner, keyId: "key_worker_test", customer: { name: "Queued" } });

    const server = await startNextServer({
      DATABASE_URL: database.url,
      WEBHOOK_ALLOW_PRIVATE: "1",
      WEBHOOK_WORKER: "1",
      WEBHOOK_WORKER_INTERVAL_MS: "200",
    });
    try {
      const deadline = Date.now() + 15_000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toHaveLength(1);
      const [delivered] = received;
      expect(await verifyWebhookSignature(delivered?.body ?? "", delivered?.signature, endpoint.secret)).toBe(true);
      expect(JSON.parse(delivered?.body ?? "{}")).toMatchObject({
        type: "customer.created",
        data: { object: customer },
      });
      const until = Date.now() + 5000;
      let row = await handle.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      while (row.status !== "succeeded" && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        row = await handle.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      }
      expect(row).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 204, lockedUntil: null });
    } finally {
      await server.stop("SIGTERM");
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
