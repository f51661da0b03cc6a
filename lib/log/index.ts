/**
 * Structured JSON lines on stdout/stderr. Callers pass only what is safe to keep: never a secret, a key,
 * a request URL (a key may hide in its query string) or request headers.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

// Info lines (one per API request) are written in batches, once per event-loop turn, not one syscall each.
let pending: string[] = [];
let scheduled = false;

function flushInfo(): void {
  scheduled = false;
  if (pending.length === 0) return;
  const lines = pending.join("");
  pending = [];
  process.stdout.write(lines);
}
process.on("exit", flushInfo);

function line(level: string, event: string, fields: Fields): string {
  return `${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`;
}

/** LOG_LEVEL=warn drops info lines (the per-request access log); read per call so tests can change it. */
function infoEnabled(): boolean {
  const level = process.env.LOG_LEVEL; // one read: process.env is not a plain object, each read costs
  return level !== "warn" && level !== "error";
}

export const log = {
  info: (event: string, fields: Fields = {}) => {
    if (!infoEnabled()) return;
    pending.push(line("info", event, fields));
    if (!scheduled) {
      scheduled = true;
      setImmediate(flushInfo);
    }
  },
  warn: (event: string, fields: Fields = {}) => process.stderr.write(line("warn", event, fields)),
  error: (event: string, fields: Fields = {}) => process.stderr.write(line("error", event, fields)),
  /** Writes the batched info lines now (tests and shutdown). */
  flush: flushInfo,
};
