/** The value of one series in Prometheus's text format, e.g. `name{label="value"}`; 0 when the series is absent. */
export function metricValue(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}
