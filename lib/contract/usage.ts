import { z } from "zod";
import { keyModeSchema } from "./api-keys";
import { management } from "./operation";
import { USAGE_RANGES, type UsageRange } from "./vocabulary";

export { USAGE_RANGES, type UsageRange } from "./vocabulary";
export const usageRangeSchema = z.enum(Object.keys(USAGE_RANGES) as [UsageRange, ...UsageRange[]]);

const idFilter = z.string().trim().min(1, "must not be empty").max(64);

export const usageQuerySchema = z.strictObject({
  mode: keyModeSchema
    .optional()
    .describe("test or live: the keys counted. Defaults to the key's own mode with api_key, else test"),
  range: usageRangeSchema.default("24h").describe("24h (per hour, the default) or 30d (per day)"),
  api_key: idFilter.optional().describe("Only this key (key_…) of the merchant"),
  application: idFilter.optional().describe("Only the keys of this application (app_…) of the merchant"),
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export const usageBucketSchema = z.object({
  start: z.string().describe("ISO 8601 start of the UTC hour or day"),
  requests: z.number().int(),
  errors: z.number().int().describe("Requests answered with a 4xx or 5xx status"),
});
export type UsageBucket = z.infer<typeof usageBucketSchema>;

export const usageSchema = z.object({
  object: z.literal("usage"),
  mode: keyModeSchema,
  range: usageRangeSchema,
  unit: z.enum(["hour", "day"]),
  apiKeyId: z.string().nullable(),
  applicationId: z.string().nullable(),
  totals: z.object({ requests: z.number().int(), errors: z.number().int() }),
  buckets: z.array(usageBucketSchema).describe("Oldest first, one per hour or day of the range, zero where none"),
});
export type Usage = z.infer<typeof usageSchema>;

export const usage = {
  retrieve: management.get("/api/v1/merchant/usage", {
    summary: "Requests and errors of the merchant's keys per hour (last 24 hours) or per day (last 30 days)",
    description:
      "Counted per key and UTC hour, written in batches a few seconds after the requests. Filter by `api_key` or `application` (another merchant's answers 404).",
    query: usageQuerySchema,
    response: usageSchema,
    errors: [400, 404],
  }),
};
