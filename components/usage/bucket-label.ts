// UTC, as the buckets are: the server's first render and the browser agree whatever their time zones.
const hour = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "14:00" for an hour's bucket, "20 Nov" for a day's. */
export function bucketLabel(start: string, unit: "hour" | "day"): string {
  return (unit === "hour" ? hour : day).format(new Date(start));
}

/** What a range covers, in words: "the last 24 hours" or "the last 30 days". */
export const rangeWords = { "24h": "the last 24 hours", "30d": "the last 30 days" } as const;
