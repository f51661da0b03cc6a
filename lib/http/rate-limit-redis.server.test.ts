import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../config";
import { bearer, createKey, startNextServer, type NextServer } from "@/test/support";
import { sendFrom, type Sent } from "@/test/support/loopback";

// Two production servers (`npm start`), as two instances behind a load balancer, sharing one Redis.
describe.runIf(config.TEST_REDIS_URL)("a key's rate limit across two servers sharing Redis", () => {
  let servers: NextServer[] = [];
  beforeAll(async () => {
    const env = {
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.TEST_REDIS_URL,
      REDIS_PREFIX: `test:${randomBytes(4).toString("hex")}:`,
    };
    servers = await Promise.all([startNextServer(env), startNextServer(env)]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it("admits at most the limit in all, at least 95 of 100, with RateLimit headers from each", async () => {
    const { secret } = await createKey({ rateLimit: 100 });
    const responses: Sent[] = [];
    let sent = 0;
    // Ten clients, each sending to both servers in turn (a connection per request) until 300 requests have gone.
    const client = async (first: number) => {
      for (let turn = first; sent < 300; turn += 1) {
        sent += 1;
        responses.push(await sendFrom(`${servers[turn % 2]!.url}/api/v1/me`, { headers: bearer(secret) }));
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, i) => client(i)));
    const admitted = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 429);
    expect(admitted.length + refused.length).toBe(300);
    expect(admitted.length).toBeLessThanOrEqual(100);
    expect(admitted.length).toBeGreaterThanOrEqual(95);
    for (const response of admitted) {
      expect(response.headers["ratelimit-limit"]).toBe("100");
      expect(Number(response.headers["ratelimit-remaining"])).toBeLessThan(100);
    }
    for (const response of refused) {
      expect(response.headers["ratelimit-remaining"]).toBe("0");
      expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
    }
    for (const server of servers) expect(server.output()).not.toContain("rate_limit.redis_unavailable");
  });
});
