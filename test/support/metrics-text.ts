/** The value of one series in Prometheus's text format, e.g. `name{label="value"}`; 0 when the series is absent. */
export function metricValue(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

/** A histogram's cumulative bucket counts (upper bound -> count) in Prometheus's text format, for one label value. */
export function histogramBuckets(text: string, name: string, label: string, value: string): Map<number, number> {
  const buckets = new Map<number, number>();
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}_bucket{`)) continue;
    const labels = Object.fromEntries(
      [...line.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, labelValue]) => [key, labelValue] as const),
    );
    if (labels[label] !== value || labels.le === undefined) continue;
    buckets.set(labels.le === "+Inf" ? Infinity : Number(labels.le), Number(line.slice(line.lastIndexOf(" ") + 1)));
  }
  return buckets;
}

/**
 * The bucket that holds quantile `q` (0-1) of the observations made between two scrapes: its upper bound, as
 * Prometheus's histogram_quantile would at most answer. Undefined when nothing was observed in between.
 */
export function quantileBound(before: Map<number, number>, after: Map<number, number>, q: number): number | undefined {
  const bounds = [...after.keys()].sort((x, y) => x - y);
  const count = (bound: number) => (after.get(bound) ?? 0) - (before.get(bound) ?? 0);
  const total = count(Infinity);
  if (total === 0) return undefined;
  return bounds.find((bound) => count(bound) >= q * total);
}
