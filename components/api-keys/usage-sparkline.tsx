const WIDTH = 48;
const HEIGHT = 20;

/** "412 requests in the last 7 days" (one request, no requests: said as a person would). */
export function weekLabel(days: readonly number[]): string {
  const total = days.reduce((sum, count) => sum + count, 0);
  if (total === 0) return "No requests in the last 7 days";
  return `${total.toLocaleString("en")} ${total === 1 ? "request" : "requests"} in the last 7 days`;
}

/** A key's requests per day of the last 7 (oldest first) as a tiny line, its total on hover: inline SVG, no library. */
export function UsageSparkline({ days }: { days: readonly number[] }) {
  const max = Math.max(1, ...days);
  const step = days.length > 1 ? WIDTH / (days.length - 1) : 0;
  const points = days
    .map((count, index) => `${(index * step).toFixed(1)},${(HEIGHT - 1 - (count / max) * (HEIGHT - 2)).toFixed(1)}`)
    .join(" ");
  const total = days.reduce((sum, count) => sum + count, 0);
  return (
    <svg
      role="img"
      aria-label={weekLabel(days)}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className={total === 0 ? "text-slate-300" : "text-slate-600"}
      data-testid="usage-sparkline"
    >
      <title>{weekLabel(days)}</title>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
