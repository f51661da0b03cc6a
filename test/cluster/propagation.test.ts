import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSecret } from "@/lib/keys";
import { bearer } from "../support/fixtures";
import { sendFrom } from "../support/loopback";
import { startCluster, type Cluster } from "../support/cluster";
import { call, merchantConsole } from "../support/cluster-api";
import { propagationTrials, type ChangeKind } from "../support/cluster-trials";

// Suite items 1 and 3 of the scale-out issue: a change made through instance A is in force on instance B for the
// very next request after A's response, and a key made on A works on B at once, even for a locked-out address.
const TRIALS = 50;
let cluster: Cluster;
let a: string;
let b: string;
let merchant: Awaited<ReturnType<typeof merchantConsole>>;

beforeAll(async () => {
  cluster = await startCluster(2, {
    APPLICATION_KEY_LIMIT: "100000",
    FREE_PLAN_KEY_LIMIT: "100000",
    FAILED_AUTH_PER_IP_PER_MINUTE: "5",
  });
  [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
  merchant = await merchantConsole();
});
afterAll(() => cluster?.close());

describe.each<ChangeKind>(["revoke", "roll now", "disable application", "change scopes", "end grace"])(
  "%s on A",
  (kind) => {
    it(`is refused by B on the next request after A's response (${TRIALS} trials)`, async () => {
      const trials = await propagationTrials(merchant, { from: a, to: b, kind, trials: TRIALS });
      expect(trials.admittedAfterChange).toEqual([]);
      expect(trials.newKeyRefused).toEqual([]);
      expect(trials.refusals).toHaveLength(TRIALS);
    });
  },
);

describe("a new key", () => {
  it("works on every instance at once, even from an address locked out for guessing", async () => {
    const locked = "127.0.0.3";
    for (let i = 0; i < 5; i += 1) {
      const guess = await sendFrom(`${b}/api/v1/me`, { from: locked, headers: bearer(generateSecret("test")) });
      expect(guess.status, `guess ${i}`).toBe(401);
    }
    const lockedOut = await sendFrom(`${b}/api/v1/me`, { from: locked, headers: bearer(generateSecret("test")) });
    expect(lockedOut.status).toBe(429);

    const applicationId = await merchant.createApplication(a);
    const key = await merchant.createKey(a, applicationId);
    const onB = await sendFrom(`${b}/api/v1/me`, { from: locked, headers: bearer(key.secret) });
    expect(onB.status).toBe(200);
    expect((await call(a, "GET", "/api/v1/me", { token: key.secret })).status).toBe(200);
  });
});
