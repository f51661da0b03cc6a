// Run by tools/bench/propagation.ts with DATABASE_URL, REDIS_URL and REDIS_PREFIX set: trials of each kind of change
// through instance A, timed until instance B refuses the key, printed as a table.
import { startCluster } from "@/test/support/cluster";
import { merchantConsole } from "@/test/support/cluster-api";
import { percentile, propagationTrials, type ChangeKind } from "@/test/support/cluster-trials";

const TRIALS = 50;

async function main() {
  const cluster = await startCluster(2, { APPLICATION_KEY_LIMIT: "100000", FREE_PLAN_KEY_LIMIT: "100000" });
  try {
    const [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
    const merchant = await merchantConsole();
    console.log(`\nPropagation: a change through instance A until instance B refuses the key (${TRIALS} trials each;`);
    console.log("from sending the change to A until B's refusal arrived, so A's own write and answer are included)\n");
    console.log("| change | p50 | p99 | max | admitted by B after A answered |");
    console.log("|---|---|---|---|---|");
    for (const kind of ["revoke", "roll now", "disable application", "change scopes"] satisfies ChangeKind[]) {
      const { refusals, admittedAfterChange } = await propagationTrials(merchant, {
        from: a,
        to: b,
        kind,
        trials: TRIALS,
      });
      const ms = (p: number) => `${percentile(refusals, p).toFixed(1)} ms`;
      console.log(`| ${kind} | ${ms(50)} | ${ms(99)} | ${ms(100)} | ${admittedAfterChange.length} |`);
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
