import { Prisma } from "../db/generated/sqlite/client";
import type { Context } from "../context";
import type { Db } from "../db";
import { USAGE_RANGES, type KeyMode, type Usage, type UsageBucket, type UsageQuery } from "../contract";
import { ApiError, invalidRequest } from "../http/errors";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const UNIT_MS = { hour: HOUR_MS, day: DAY_MS } as const;

/** The start (epoch ms) of each bucket of a range, oldest first: the last one holds `now`. */
export function bucketStarts(range: UsageQuery["range"], now: Date): number[] {
  const { unit, buckets } = USAGE_RANGES[range];
  const size = UNIT_MS[unit];
  const last = now.getTime() - (now.getTime() % size);
  return Array.from({ length: buckets }, (_, index) => last - (buckets - 1 - index) * size);
}

const missing = (what: string, id: string, param: string) =>
  new ApiError(404, "not_found", "resource_missing", `No such ${what}: '${id}'.`, { param });

/** The mode counted: the key's own with `api_key` (a mismatch is the caller's mistake), else the one asked, else test. */
async function filteredMode(db: Db, merchantId: string, query: UsageQuery): Promise<KeyMode> {
  if (query.application) {
    const application = await db.application.findFirst({ where: { id: query.application, merchantId } });
    if (!application) throw missing("application", query.application, "application");
  }
  if (!query.api_key) return query.mode ?? "test";
  const key = await db.apiKey.findFirst({ where: { id: query.api_key, merchantId }, select: { mode: true } });
  if (!key) throw missing("API key", query.api_key, "api_key");
  const mode = key.mode === "live" ? "live" : "test";
  if (query.mode && query.mode !== mode) {
    throw invalidRequest(
      "parameter_invalid",
      `API key '${query.api_key}' is a ${mode} key: ask for mode=${mode}, or leave mode out.`,
      "mode",
    );
  }
  return mode;
}

type SumRow = { bucket: Date | string | number; requests: bigint | number | null; errors: bigint | number | null };

/** The bucket's start in epoch ms: the hour column arrives as a Date, the day column as its YYYY-MM-DD text. */
const startOf = (bucket: SumRow["bucket"]) => (bucket instanceof Date ? bucket.getTime() : new Date(bucket).getTime());

/**
 * The merchant's requests and errors per hour or day, zero-filled: one grouped query joining the keys (of the mode,
 * the key or the application asked) to their hourly counters in the range, on the counters' (apiKeyId, hour) key.
 */
export async function readUsage(
  { db, now: clock }: Context,
  { merchantId, query }: { merchantId: string; query: UsageQuery },
): Promise<Usage> {
  const mode = await filteredMode(db, merchantId, query);
  const { unit } = USAGE_RANGES[query.range];
  const starts = bucketStarts(query.range, clock());
  const bucket = Prisma.raw(unit === "hour" ? `c."hour"` : `c."day"`);
  const rows = await db.$queryRaw<SumRow[]>(Prisma.sql`
    SELECT ${bucket} AS "bucket", SUM(c."requests") AS "requests", SUM(c."errors") AS "errors"
    FROM "ApiKey" AS k JOIN "UsageCounter" AS c ON c."apiKeyId" = k."id"
    WHERE k."merchantId" = ${merchantId} AND k."mode" = ${mode}
      ${query.api_key ? Prisma.sql`AND k."id" = ${query.api_key}` : Prisma.empty}
      ${query.application ? Prisma.sql`AND k."applicationId" = ${query.application}` : Prisma.empty}
      AND c."hour" >= ${new Date(starts[0] ?? 0)}
    GROUP BY ${bucket}`);
  const sums = new Map(rows.map((row) => [startOf(row.bucket), row]));
  const buckets: UsageBucket[] = starts.map((start) => {
    const row = sums.get(start);
    return {
      start: new Date(start).toISOString(),
      requests: Number(row?.requests ?? 0),
      errors: Number(row?.errors ?? 0),
    };
  });
  const totals = buckets.reduce(
    (sum, { requests, errors }) => ({ requests: sum.requests + requests, errors: sum.errors + errors }),
    { requests: 0, errors: 0 },
  );
  return {
    object: "usage",
    mode,
    range: query.range,
    unit,
    apiKeyId: query.api_key ?? null,
    applicationId: query.application ?? null,
    totals,
    buckets,
  };
}

/** Each key's requests per day of the last 7 (oldest first, today last): one grouped query for a page of keys. */
export async function weeklyRequests(db: Db, keyIds: readonly string[], now: Date): Promise<Map<string, number[]>> {
  const today = now.getTime() - (now.getTime() % DAY_MS);
  const days = Array.from({ length: 7 }, (_, index) =>
    new Date(today - (6 - index) * DAY_MS).toISOString().slice(0, 10),
  );
  const weeks = new Map(keyIds.map((id) => [id, days.map(() => 0)]));
  if (keyIds.length === 0) return weeks;
  const rows = await db.usageCounter.groupBy({
    by: ["apiKeyId", "day"],
    where: { apiKeyId: { in: [...keyIds] }, hour: { gte: new Date(today - 6 * DAY_MS) } },
    _sum: { requests: true },
  });
  for (const row of rows) {
    const index = days.indexOf(row.day);
    const week = weeks.get(row.apiKeyId);
    if (week && index >= 0) week[index] = row._sum.requests ?? 0;
  }
  return weeks;
}
