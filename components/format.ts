// UTC, so the server's first render and the browser's agree whatever their time zones.
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(iso: string | null | undefined, fallback = "—"): string {
  return iso ? `${dateTime.format(new Date(iso))} UTC` : fallback;
}
