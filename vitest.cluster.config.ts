import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:cluster`: several production servers on one PostgreSQL database and one Redis (test/support/cluster.ts).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["test/cluster/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/cluster/setup.ts", "test/support/setup-env.ts"],
    pool: "forks",
    // One file at a time: each starts its own servers, and two cores run two Next.js servers at most.
    fileParallelism: false,
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
