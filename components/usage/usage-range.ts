// Shared by the pages' server render and the browser (no "use client", no zod): which usage a chart shows.
import { USAGE_RANGES, type KeyMode, type UsageRange } from "@/lib/contract/vocabulary";

/** The URL's search parameter of the 24 h / 30 d switch: `?usage=30d`. */
export const USAGE_PARAM = "usage";

/** The range in the URL, 24h unless it names another. */
export function usageRangeOf(value: string | string[] | null | undefined): UsageRange {
  return typeof value === "string" && value in USAGE_RANGES ? (value as UsageRange) : "24h";
}

/** What a chart counts: the merchant's keys of the mode, or one key's, or one application's. */
export interface UsageFilter {
  range: UsageRange;
  apiKeyId?: string;
  applicationId?: string;
}

/** The usage operation's query: a key is counted in its own mode, everything else in the toggle's. */
export function usageQuery(mode: KeyMode, { range, apiKeyId, applicationId }: UsageFilter) {
  return {
    range,
    ...(apiKeyId ? { api_key: apiKeyId } : { mode }),
    ...(applicationId ? { application: applicationId } : {}),
  };
}
