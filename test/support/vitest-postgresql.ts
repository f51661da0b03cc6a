// `npm run test:pg`: the same Vitest suite on PostgreSQL, when TEST_DATABASE_URL_PG names a server.
import { spawnSync } from "node:child_process";
import { config } from "@/lib/config";

if (!config.TEST_DATABASE_URL_PG) {
  console.log("test:pg: TEST_DATABASE_URL_PG is not set; the PostgreSQL run is skipped.");
  process.exit(0);
}
const result = spawnSync("npx", ["vitest", "run"], {
  stdio: "inherit",
  env: { ...process.env, TEST_DB_ENGINE: "postgresql" },
});
process.exit(result.status ?? 1);
