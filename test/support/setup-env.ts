import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { countQueries } from "./query-count";

// Runs before each test file's imports, so lib/db connects to this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
// Management tokens are signed with AUTH_SECRET; tests use a fixed one.
process.env.AUTH_SECRET ??= "test-only-auth-secret-0123456789abcdef";
// Redis keys of this test file (and of the servers it starts) under a prefix of its own: concurrent runs on one Redis
// share no rate-limit bucket.
process.env.REDIS_PREFIX ??= `test:${randomBytes(4).toString("hex")}:`;
// The in-process route servers would print one access-log line per request; tests that read logs opt back in.
process.env.LOG_LEVEL ??= "warn";
// Tests count the queries a code path runs (queryCount): the counter must be in place before lib/db builds its client.
countQueries();
