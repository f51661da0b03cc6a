// Run by tools/bench/propagation.ts with DATABASE_URL, REDIS_URL and REDIS_PREFIX set: trials of each kind of change
// through instance A, timed until instance B refuses the key, printed as a table.
import { startCluster } from "@/test/support/cluster";
import { merchantConsole } from "@/test/support/cluster-api";
import { percentile, propagationTrials, type ChangeKind } from "@/test/support/cluster-trials";
import { histogramBuckets, quantileBound } from "@/test/support/metrics-text";

const TRIALS = 50;
const METRICS_TOKEN = "bench-only-metrics-token-0123456789";
const CONFIRM = "merchant_console_key_invalidation_confirm_seconds";

/** Instance A's confirmation round trips so far (lib/keys/invalidation.ts), by outcome. */
async function confirmations(url: string) {
  const text = await (
    await fetch(`${url}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  return {
    confirmed: histogramBuckets(text, CONFIRM, "outcome", "confirmed"),
    timedOut: histogramBuckets(text, CONFIRM, "outcome", "timed_out"),
  };
}

const within = (seconds: number | undefined) =>
  seconds === undefined ? "none" : seconds === Infinity ? "> 2.5 s" : `≤ ${+(seconds * 1000).toFixed(1)} ms`;

async function main() {
  const cluster = await startCluster(2, {
    APPLICATION_KEY_LIMIT: "100000",
    FREE_PLAN_KEY_LIMIT: "100000",
    METRICS_TOKEN,
  });
  try {
    const [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
    const merchant = await merchantConsole();
    console.log(`\nPropagation: a change through instance A until instance B refuses the key (${TRIALS} trials each).`);
    console.log("Propagation: from A's publication (after its commit) until B confirmed it had dropped the key, the");
    console.log(
      "bucket of A's key_invalidation_confirm_seconds that holds p50 and p99 (each trial's key creation too).",
    );
    console.log(
      "Client's view: from sending the change to A until B's refusal arrived (A's own write and answer too).\n",
    );
    console.log(
      "| change | propagation p50 | propagation p99 | unconfirmed | client's view p50 | p99 | max | admitted by B after A answered |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    for (const kind of ["revoke", "roll now", "disable application", "change scopes"] satisfies ChangeKind[]) {
      const before = await confirmations(a);
      const { refusals, admittedAfterChange } = await propagationTrials(merchant, {
        from: a,
        to: b,
        kind,
        trials: TRIALS,
      });
      const after = await confirmations(a);
      const bound = (q: number) => within(quantileBound(before.confirmed, after.confirmed, q));
      const unconfirmed = (after.timedOut.get(Infinity) ?? 0) - (before.timedOut.get(Infinity) ?? 0);
      const ms = (p: number) => `${percentile(refusals, p).toFixed(1)} ms`;
      console.log(
        `| ${kind} | ${bound(0.5)} | ${bound(0.99)} | ${unconfirmed} | ${ms(50)} | ${ms(99)} | ${ms(100)} | ${admittedAfterChange.length} |`,
      );
    }
  } finally {
    await cluster.close();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
