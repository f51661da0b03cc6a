import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startCluster, type Cluster } from "../support/cluster";
import { call, merchantConsole } from "../support/cluster-api";

// Suite item 6 of the scale-out issue: the instance sending a webhook is killed (SIGKILL) mid-attempt; another
// instance sends the same delivery once the dead one's claim expires, and it is recorded as succeeded exactly once.
const CLAIM_MS = 4000;
let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster(2, {
    WEBHOOK_WORKER: "1",
    WEBHOOK_WORKER_INTERVAL_MS: "200",
    WEBHOOK_TIMEOUT_MS: "2000",
    WEBHOOK_CLAIM_MS: String(CLAIM_MS),
    WEBHOOK_ALLOW_PRIVATE: "1", // the receiver is on loopback
  });
});
afterAll(() => cluster?.close());

/** The process (among `pids`) that holds the local end of the TCP connection from 127.0.0.1:`port` (Linux /proc). */
function ownerOfConnection(port: number, pids: number[]): number | undefined {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1] && parseInt(fields[1].split(":")[1] ?? "", 16) === port) inodes.add(`socket:[${fields[9]}]`);
    }
  }
  const holds = (pid: number, fd: string) => {
    try {
      return inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      return false; // closed meanwhile
    }
  };
  const descriptors = (pid: number) => {
    try {
      return readdirSync(`/proc/${pid}/fd`);
    } catch {
      return []; // that process is gone
    }
  };
  return pids.find((pid) => descriptors(pid).some((fd) => holds(pid, fd)));
}

describe("an instance killed mid-delivery", () => {
  it("leaves the delivery to another instance, which sends the same Webhook-Id once the claim expires", async () => {
    const received: Array<{ webhookId: string; port: number; at: number }> = [];
    let firstArrived: (port: number) => void = () => undefined;
    const first = new Promise<number>((resolve) => (firstArrived = resolve));
    const receiver = createServer((request: IncomingMessage, response: ServerResponse) => {
      request.resume();
      request.on("end", () => {
        const port = request.socket.remotePort!;
        received.push({ webhookId: String(request.headers["webhook-id"]), port, at: Date.now() });
        if (received.length === 1)
          firstArrived(port); // never answered: its sender is killed meanwhile
        else response.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      const [a] = cluster.instances.map((instance) => instance.url) as [string];
      const merchant = await merchantConsole();
      const key = await merchant.createKey(a, await merchant.createApplication(a));
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      const endpoint = await call(a, "POST", "/api/v1/webhook_endpoints", {
        token: key.secret,
        body: { url, enabled_events: ["customer.created"] },
      });
      expect(endpoint.status).toBe(201);
      expect((await call(a, "POST", "/api/v1/customers", { token: key.secret, body: { name: "Killed" } })).status).toBe(
        201,
      );

      const port = await first;
      const pids = cluster.instances.map((instance) => instance.pid);
      const sender = cluster.instances.find((instance) => instance.pid === ownerOfConnection(port, pids));
      expect(sender, "the instance that opened the connection").toBeDefined();
      expect(await sender!.stop("SIGKILL")).toBeNull(); // killed by the signal: no exit code

      const deadline = Date.now() + CLAIM_MS + 15_000;
      while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toHaveLength(2);
      const [attempt1, attempt2] = received as [(typeof received)[0], (typeof received)[0]];
      expect(attempt2.webhookId).toBe(attempt1.webhookId);
      expect(ownerOfConnection(attempt2.port, pids)).not.toBe(sender!.pid);
      // Not while the dead instance's claim held: two processes never attempt one delivery at once.
      expect(attempt2.at - attempt1.at).toBeGreaterThanOrEqual(CLAIM_MS - 1000);

      let delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.body.id } });
      for (let i = 0; i < 50 && delivery.status !== "succeeded"; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.body.id } });
      }
      expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200, lockedUntil: null });
      expect(delivery.attemptLog).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 1000)); // no third attempt follows
      expect(received).toHaveLength(2);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
