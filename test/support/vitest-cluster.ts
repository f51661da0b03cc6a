// `npm run test:cluster`: the cluster suite (test/cluster), when TEST_DATABASE_URL_PG and TEST_REDIS_URL name servers.
import { spawnSync } from "node:child_process";
import { config } from "@/lib/config";

if (!config.TEST_DATABASE_URL_PG || !config.TEST_REDIS_URL) {
  console.log("test:cluster: TEST_DATABASE_URL_PG and TEST_REDIS_URL must both be set; the cluster suite is skipped.");
  process.exit(0);
}
const result = spawnSync("npx", ["vitest", "run", "--config", "vitest.cluster.config.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TEST_DB_ENGINE: "postgresql" },
});
process.exit(result.status ?? 1);
