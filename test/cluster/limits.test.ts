import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSecret } from "@/lib/keys";
import { bearer } from "../support/fixtures";
import { sendFrom } from "../support/loopback";
import { startCluster, type Cluster } from "../support/cluster";
import { merchantConsole } from "../support/cluster-api";

// Suite item 2 of the scale-out issue: a limit is one limit however many instances share it. Each case sends four
// times its limit through both instances at once, and counts what was admitted: never more than the limit, and not
// much less (at least 95 %).
const LIMIT = 100;
let cluster: Cluster;
let servers: string[];

beforeAll(async () => {
  cluster = await startCluster(2, {
    FAILED_AUTH_PER_IP_PER_MINUTE: String(LIMIT),
    UNCLAIMED_KEYS_PER_IP_PER_HOUR: String(LIMIT),
  });
  servers = cluster.instances.map((instance) => instance.url);
});
afterAll(() => cluster?.close());

/** `count` requests, spread over the instances in turn, `concurrency` in flight at a time; the statuses, in order. */
async function hammer(count: number, send: (server: string, index: number) => Promise<{ status: number }>) {
  const statuses: number[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      statuses[index] = (await send(servers[index % servers.length]!, index)).status;
    }
  };
  await Promise.all(Array.from({ length: 40 }, worker));
  return statuses;
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describe("limits shared by every instance", () => {
  it("a key limited to 100 a minute is admitted at most 100 times across both, and at least 95", async () => {
    const merchant = await merchantConsole();
    const applicationId = await merchant.createApplication(servers[0]!);
    const created = await merchant.manage(servers[0]!, "POST", `/api/v1/applications/${applicationId}/api-keys`, {
      description: "limited",
      rateLimit: LIMIT,
    });
    const statuses = await hammer(4 * LIMIT, (server) =>
      fetch(`${server}/api/v1/me`, { headers: bearer(created.fullKey) }),
    );
    const counts = tally(statuses);
    expect(Object.keys(counts).sort()).toEqual(["200", "429"]);
    expect(counts[200]).toBeLessThanOrEqual(LIMIT);
    expect(counts[200]).toBeGreaterThanOrEqual(0.95 * LIMIT);
  });

  it("an address's unknown-key lookups are limited across both (then 429 without a lookup)", async () => {
    const statuses = await hammer(4 * LIMIT, (server) =>
      sendFrom(`${server}/api/v1/me`, { from: "127.0.0.4", headers: bearer(generateSecret("test")) }),
    );
    const counts = tally(statuses);
    expect(Object.keys(counts).sort()).toEqual(["401", "429"]);
    expect(counts[401]).toBeLessThanOrEqual(LIMIT);
    expect(counts[401]).toBeGreaterThanOrEqual(0.95 * LIMIT);
  });

  it("an address's unclaimed keys are limited across both", async () => {
    const statuses = await hammer(4 * LIMIT, (server, index) =>
      sendFrom(`${server}/api-keys`, {
        from: "127.0.0.5",
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ label: `cluster ${index}` }),
      }),
    );
    const counts = tally(statuses);
    expect(Object.keys(counts).sort()).toEqual(["201", "429"]);
    expect(counts[201]).toBeLessThanOrEqual(LIMIT);
    expect(counts[201]).toBeGreaterThanOrEqual(0.95 * LIMIT);
  });
});
