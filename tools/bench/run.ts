// `npm run bench`: the scenarios below, one after the other, each printing its own table. The route table runs on
// each configuration (tools/bench/configurations.ts): a server as `npm start` runs it on a fresh, seeded database,
// the same wrk load on three routes, and the database queries each verified request costs (counted inside the
// server by tools/bench/instrument.mjs and read from its own port).
import "./database";
import { coldKeysScenario } from "./cold-keys";
import { inProcess, postgresRedis } from "./configurations";
import { keyListScenario } from "./key-list";
import { pageJsScenario } from "./page-js";
import { manyKeysBench } from "./many-keys";
import { raisePriority, requireWrk } from "./measure";
import { propagationScenario } from "./propagation";
import { routeTable } from "./route-table";
import type { Scenario } from "./scenario";

// One line per scenario, in the order they run.
const scenarios: Scenario[] = [
  routeTable(inProcess), // (a) SQLite, no Redis
  routeTable(postgresRedis), // (b) PostgreSQL + Redis
  coldKeysScenario, // (a) again, with 10,000 keys taken in turn: the usage flush against the event loop
  { name: "propagation", run: propagationScenario }, // changes through one instance, in force on another
  { name: "many keys", run: () => manyKeysBench() }, // 100,000 keys seeded, 20,000 driven: the key cache's hit rate
  keyListScenario, // the dashboard's API keys list of a merchant with 10,000 keys: first page, search, a deep page
  pageJsScenario, // the gzipped JavaScript of the dashboard pages' first HTML
];

async function main() {
  requireWrk();
  console.log(`\nbench priority: ${raisePriority()}`);
  const summary: string[] = [];
  for (const scenario of scenarios) {
    const line = await scenario.run();
    if (line) summary.push(line);
  }
  console.log(`\n## Summary\n\n${summary.map((line) => `- ${line}`).join("\n")}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error, (error as { cause?: unknown })?.cause);
  process.exit(1);
});
