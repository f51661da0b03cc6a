// Shared by the server render and the browser (no "use client"): the time ranges the lists filter by.
import { parseAsStringLiteral } from "nuqs/server";

export const TIME_RANGES = { "1h": 3600, "24h": 86_400, "7d": 604_800, "30d": 2_592_000 } as const;
export type TimeRange = keyof typeof TIME_RANGES;
export const TIME_RANGE_OPTIONS = [
  { value: "", label: "All time" },
  { value: "1h", label: "Last hour" },
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
] as const;

export const timeRangeParser = parseAsStringLiteral(Object.keys(TIME_RANGES) as TimeRange[]);

/** `created[gte]` (Unix seconds) of a range ending now; nothing for all time. */
export function createdSince(range: TimeRange | null, nowMs = Date.now()): { "created[gte]"?: number } {
  return range ? { "created[gte]": Math.floor(nowMs / 1000) - TIME_RANGES[range] } : {};
}
