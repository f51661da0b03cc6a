import { config } from "../config";
import { dbHandle, migrationProblems, shippedMigrations, type Db, type DbEngine } from "../db";
import { ApiError } from "../http/errors";
import { json } from "../http/respond";
import { isDraining } from "../http/shutdown.mjs";
import { log } from "../log";
import { pingRedis } from "../redis";
import { refusal } from "./refusal";

/** Each check's limit: a load balancer's probe must get an answer well within its own timeout. */
export const CHECK_TIMEOUT_MS = 1000;
/** What a 503 asks the prober to wait before asking again. */
const RETRY_AFTER_SECONDS = 5;

export type CheckName = "shutdown" | "database" | "migrations" | "redis";
/** "ok", or what is wrong, in words short enough for a probe's log: no addresses, no driver messages. */
export type Checks = Partial<Record<CheckName, string>>;

export interface ReadinessDeps {
  db: Db;
  engine: DbEngine;
  /** Checked only when set, as the app uses Redis only then. */
  redisUrl?: string;
  timeoutMs?: number;
}

class TimedOut extends Error {}

function within<T>(work: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`timed out after ${ms} ms`)), ms).unref();
  });
  return Promise.race([work(), timeout]).finally(() => clearTimeout(timer));
}

export interface Readiness {
  ready: boolean;
  checks: Checks;
  /** The errors behind failed checks, for the log only (they may name hosts and ports). */
  errors: Partial<Record<CheckName, string>>;
}

/**
 * Whether this process can serve: its database answers, every migration it ships is applied there, and Redis (when
 * REDIS_URL is set) answers PING, each within `timeoutMs`. The checks run concurrently; migrations wait for the
 * database's answer, since they read it.
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const ms = deps.timeoutMs ?? CHECK_TIMEOUT_MS;
  const errors: Readiness["errors"] = {};
  /** One check: "ok", its own finding, or (when it threw) `failed`; a timeout says so. */
  const run = async (name: CheckName, work: () => Promise<string>, failed: string): Promise<string> => {
    try {
      return await within(work, ms);
    } catch (error) {
      // Prisma's messages start with a blank line and the call; the cause is the last line.
      const message =
        String((error as Error).message)
          .trim()
          .split("\n")
          .at(-1) ?? "";
      errors[name] = message;
      return error instanceof TimedOut ? message : failed;
    }
  };
  const database = run(
    "database",
    async () => {
      await deps.db.$queryRaw`SELECT 1`;
      return "ok";
    },
    "unreachable",
  );
  const migrations = database.then((reached) =>
    reached === "ok"
      ? run(
          "migrations",
          async () => {
            const problems = await migrationProblems(deps.db, shippedMigrations(deps.engine));
            return problems.length === 0 ? "ok" : problems.join(", ");
          },
          "could not read the migration history",
        )
      : "not checked: the database did not answer",
  );
  const { redisUrl } = deps;
  const redis =
    redisUrl &&
    run(
      "redis",
      async () => {
        await pingRedis(redisUrl, ms);
        return "ok";
      },
      "unreachable",
    );
  const checks: Checks = { database: await database, migrations: await migrations };
  if (redis) checks.redis = await redis;
  return { ready: Object.values(checks).every((result) => result === "ok"), checks, errors };
}

// The failures last reported, so an outage is logged once when it starts (or changes) and once when it ends.
let lastFailures = "";
function report({ ready, checks, errors }: Readiness): void {
  const failures = ready ? "" : JSON.stringify(checks);
  if (failures === lastFailures) return;
  lastFailures = failures;
  if (ready) log.info("readiness.ready", checks);
  else log.warn("readiness.not_ready", { ...checks, errors: JSON.stringify(errors) });
}

/**
 * `GET /api/ready`: 200 `{ status: "ready", checks }`, or 503 in the error envelope naming what failed. From SIGTERM
 * on (lib/http/shutdown.mjs) it is a 503 whatever the checks say, so a load balancer stops sending traffic here.
 */
export async function readinessProbe(): Promise<Response> {
  const readiness = isDraining()
    ? { ready: false, checks: { shutdown: "in progress" }, errors: {} }
    : await checkReadiness({ ...dbHandle, redisUrl: config.REDIS_URL });
  report(readiness);
  const { ready, checks } = readiness;
  if (ready) return json({ status: "ready", checks }, 200, { "Cache-Control": "no-store" });
  const failing = Object.entries(checks).filter(([, result]) => result !== "ok");
  return refusal(
    new ApiError(
      503,
      "api_error",
      "service_unavailable",
      `This instance is not ready: ${failing.map(([name, result]) => `${name} ${result}`).join("; ")}.`,
      { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    ),
  );
}
