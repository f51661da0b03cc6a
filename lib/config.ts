import { z } from "zod";

/**
 * Every environment variable the app and its tooling read, declared once and parsed once, when this module is first
 * imported. A bad value throws an error naming each variable, so it stops the process that imported it: `next start`
 * imports this from `instrumentation.ts`. No other file reads `process.env` (Next.js's own compile-time NEXT_RUNTIME
 * aside). An empty value counts as unset, as `VAR= npm start` means. README.md's "Configuration" table lists exactly
 * these names (a test checks it).
 */

const MAX_TIMER_MS = 2 ** 31 - 1; // longer setInterval delays fire at once

function wholeNumber(min: number, max?: number) {
  const error =
    max === undefined ? `must be a whole number of at least ${min}` : `must be a whole number from ${min} to ${max}`;
  return z.coerce
    .number({ error })
    .int({ error })
    .min(min, { error })
    .max(max ?? Number.MAX_SAFE_INTEGER, { error });
}
/** A count or limit: 1 or more. */
const count = (fallback: number) => wholeNumber(1).default(fallback);
const port = (fallback: number) => wholeNumber(1, 65535).default(fallback);
const intervalMs = (fallback: number) => wholeNumber(1, MAX_TIMER_MS).default(fallback);
/** `1` on, `0` off; anything else is refused rather than guessed (today's code only ever compared with "1" or "0"). */
const flag = (fallback: boolean) =>
  z.stringbool({ truthy: ["1"], falsy: ["0"], error: "must be 1 or 0" }).default(fallback);
/** On when set to anything: how Next.js reads NEXT_MANUAL_SIG_HANDLE and CI services set CI. */
const presence = () =>
  z
    .string()
    .optional()
    .transform((value) => value !== undefined);
const httpUrl = () => z.url({ protocol: /^https?$/, error: "must be an absolute http:// or https:// URL" });
const postgresUrl = () =>
  z.string().regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// or postgresql:// URL" });
const databaseUrl = () =>
  z.string().regex(/^(postgres(ql)?:\/\/|file:)/, { error: "must start with postgres://, postgresql:// or file:" });
/** A wrk duration: 2s, 1.5m, 30 (seconds). */
const wrkDuration = (fallback: string) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?[smh]?$/, { error: "must be a duration such as 2s, 10s or 1m" })
    .default(fallback);

export const configSchema = z.object({
  // --- The app's services ---
  /** Unset: SQLite at .data/merchant-console.db (lib/db). */
  DATABASE_URL: databaseUrl().optional(),
  /** Unset: rate limits per process, key-cache invalidation through PostgreSQL or none. */
  REDIS_URL: z.string().optional(),
  /** Prepended to every Redis key and channel, so deployments (and test runs) can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{0,64}$/, { error: "must be up to 64 letters, digits, '_', '.', ':' or '-'" })
    .default("mc:"),
  /** How long a process waits for every other one to confirm an invalidation (Redis) before it answers anyway. */
  INVALIDATION_ACK_TIMEOUT_MS: intervalMs(250),
  /** While the invalidation channel is down, a cached key is trusted this long after it was loaded. */
  KEY_CACHE_DEGRADED_TTL_MS: intervalMs(2000),
  /** Read by `next start` itself; declared so a bad port stops the start with its name. */
  PORT: port(3000),
  /** Public base URL: checkout session `url`s are `$APP_URL/pay/cs_…`. */
  APP_URL: httpUrl().default("http://localhost:3000"),

  // --- Sign-in ---
  /** Unset: undefined, which Auth.js refuses when a session is needed; demo mode generates one (lib/secrets). */
  AUTH_SECRET: z.string().optional(),
  /** Unset: the Host header is the app's origin. */
  AUTH_URL: httpUrl().optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  /** Unset: github.com. */
  GITHUB_BASE_URL: httpUrl().optional(),
  DEMO_LOGIN: flag(false),

  // --- Limits ---
  APPLICATION_KEY_LIMIT: count(25),
  FREE_PLAN_KEY_LIMIT: count(10),
  UNCLAIMED_KEY_TTL_DAYS: count(30),
  UNCLAIMED_KEY_RATE_LIMIT: count(60),
  UNCLAIMED_KEYS_PER_IP_PER_HOUR: count(10),
  FAILED_AUTH_PER_IP_PER_MINUTE: count(30),
  LINK_ATTEMPTS_PER_USER_PER_HOUR: count(20),
  API_RATE_LIMIT_PER_MINUTE: count(600),
  /** Proxies in front of the app that append to X-Forwarded-For; 0: served directly, the client is the TCP peer. */
  TRUSTED_PROXY_COUNT: wholeNumber(0).default(0),

  // --- Background work and logs ---
  LOG_LEVEL: z.enum(["info", "warn", "error"], { error: "must be info, warn or error" }).default("info"),
  WEBHOOK_ALLOW_PRIVATE: flag(false),
  WEBHOOK_WORKER: flag(true),
  WEBHOOK_WORKER_INTERVAL_MS: intervalMs(2000),
  /** How long one webhook attempt may take before it counts as failed. */
  WEBHOOK_TIMEOUT_MS: intervalMs(10_000),
  /** How long a process's claim on a delivery lasts: another process retries it after a crash. Over the timeout. */
  WEBHOOK_CLAIM_MS: intervalMs(60_000),
  MAINTENANCE_INTERVAL_MS: intervalMs(3_600_000),
  /** Days the request log keeps a request; the maintenance job prunes older rows. */
  REQUEST_LOG_RETENTION_DAYS: count(14),

  // --- Operating many instances ---
  /** Unset: GET /api/metrics answers 404. Prometheus sends it as `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
  /** Keys (and unknown hashes) each process keeps in memory; docs/operations.md measures the bytes per entry. */
  KEY_CACHE_MAX_ENTRIES: count(10_000),
  /** How long a cached key is trusted without an invalidation: the safety net if a message is lost. */
  KEY_CACHE_TTL_MS: intervalMs(300_000),
  /** After SIGTERM: how long GET /api/ready answers 503 while requests are still served, before connections close. */
  SHUTDOWN_DELAY_MS: wholeNumber(0, MAX_TIMER_MS).default(0),
  /** After that: how long requests in flight may take to finish before they are cut off and the process exits. */
  SHUTDOWN_TIMEOUT_MS: intervalMs(10_000),

  // --- Next.js and the process ---
  /** Set by Next.js (production for build and start, development for dev) and by Vitest (test). */
  NODE_ENV: z.string().optional(),
  /** Set by server.mjs (`npm start`), which handles SIGTERM/SIGINT itself (lib/http/shutdown.mjs), as Next.js reads it. */
  NEXT_MANUAL_SIG_HANDLE: presence(),
  /** Read by next.config.ts. */
  NEXT_DIST_DIR: z.string().default(".next"),
  SKIP_BUILD_TYPECHECK: flag(false),

  // --- Tooling: migrations, tests, bench (declared here so those tools can read them from here too) ---
  /** Unset: the migration tool uses postgresql://postgres@127.0.0.1:5432/postgres. */
  MIGRATE_SHADOW_DATABASE_URL: postgresUrl().optional(),
  DEBUG_MIGRATE: presence(),
  TEST_DATABASE_URL_PG: postgresUrl().optional(),
  TEST_REDIS_URL: z.string().optional(),
  /** Unset: TEST_DATABASE_URL_PG, else postgresql://postgres@127.0.0.1:5432/postgres (the bench's PostgreSQL run). */
  BENCH_DATABASE_URL_PG: postgresUrl().optional(),
  TEST_DB_ENGINE: z.enum(["sqlite", "postgresql"], { error: "must be sqlite or postgresql" }).default("sqlite"),
  E2E_PORT: port(3100),
  FAKE_GITHUB_PORT: port(3199),
  /** Cases per operation of the generated bad-input suite, and its seed (fixed, so every run sends the same). */
  FUZZ_RUNS: count(12),
  FUZZ_SEED: wholeNumber(0, 2 ** 31 - 1).default(20261201),
  CI: presence(),
  BENCH_DURATION: wrkDuration("2s"),
  BENCH_CONNECTIONS: count(10),
  BENCH_ROUNDS: count(20),
  BENCH_WARMUP: wrkDuration("10s"),
  BENCH_PIN: flag(true),
  BENCH_PRIORITY: flag(true),
  BENCH_VERBOSE: flag(false),
  /** Set by the bench for its own `next start`: where tools/bench/instrument.mjs serves the query counts. */
  BENCH_METRICS_PORT: wholeNumber(1, 65535).optional(),
});

/** Combinations that no one variable's schema can refuse. */
const consistentConfigSchema = configSchema.superRefine((value, context) => {
  // The flag turns the webhook address checks off: a production server would post into its own network.
  if (value.WEBHOOK_ALLOW_PRIVATE && value.NODE_ENV === "production")
    context.addIssue({ code: "custom", path: ["WEBHOOK_ALLOW_PRIVATE"], message: "must not be 1 in production" });
  // A claim that ended while its attempt was still running would let a second process send the same delivery.
  if (value.WEBHOOK_CLAIM_MS <= value.WEBHOOK_TIMEOUT_MS)
    context.addIssue({ code: "custom", path: ["WEBHOOK_CLAIM_MS"], message: "must be longer than WEBHOOK_TIMEOUT_MS" });
});

export type Config = Readonly<z.output<typeof configSchema>>;
export type ConfigName = keyof typeof configSchema.shape;
export type Environment = Partial<Record<string, string | undefined>>;

/** Every declared variable's name, in declaration order. */
export const configNames = Object.keys(configSchema.shape) as ConfigName[];

// Values that may hold a password or a secret are never repeated in an error message.
const SECRET: ReadonlySet<ConfigName> = new Set([
  "DATABASE_URL",
  "REDIS_URL",
  "AUTH_SECRET",
  "AUTH_GITHUB_SECRET",
  "METRICS_TOKEN",
  "MIGRATE_SHADOW_DATABASE_URL",
  "TEST_DATABASE_URL_PG",
  "TEST_REDIS_URL",
  "BENCH_DATABASE_URL_PG",
]);

/** Parses the declared variables out of an environment; throws one error naming every bad variable. */
export function parseConfig(env: Environment): Config {
  const input: Partial<Record<ConfigName, string>> = {};
  for (const name of configNames) {
    const value = env[name];
    if (value !== undefined && value !== "") input[name] = value;
  }
  const result = consistentConfigSchema.safeParse(input);
  if (result.success) return Object.freeze(result.data);
  const problems = new Map<ConfigName, string>();
  for (const issue of result.error.issues) {
    const name = issue.path[0] as ConfigName;
    if (problems.has(name)) continue;
    const got = SECRET.has(name) ? " (value not shown)" : ` (got ${JSON.stringify(input[name])})`;
    problems.set(name, `${name} ${issue.message}${got}`);
  }
  throw new Error(`Invalid configuration: ${[...problems.values()].join("; ")}.`);
}

const startup = parseConfig(process.env);

/** The configuration, parsed from `process.env` when this module was first imported. Read it where it is used. */
export let config: Config = startup;

let testOverrides: Environment = {};

/**
 * Tests only: parses `process.env` again with these variables replaced (`undefined`: unset), on top of earlier
 * overrides, so code that reads `config` at call time sees them. Refused in production.
 */
export function overrideConfigForTests(variables: Partial<Record<ConfigName, string | undefined>>): void {
  if (startup.NODE_ENV === "production") throw new Error("overrideConfigForTests() is for tests only");
  testOverrides = { ...testOverrides, ...variables };
  config = parseConfig({ ...process.env, ...testOverrides });
}

/** Tests only: drops every override; `config` is `process.env`'s again. */
export function restoreConfigForTests(): void {
  testOverrides = {};
  config = parseConfig(process.env);
}
