import { epochMs } from "../clock";
import { config } from "../config";
import { batchMetrics } from "../metrics";

/**
 * Structured JSON lines on stdout/stderr. Callers pass only what is safe to keep: never a secret, a key,
 * a request URL (a key may hide in its query string) or request headers.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

// Info lines (one per API request) are buffered and written together: at most FLUSH_MS after the first of them, or
// once FLUSH_BYTES have piled up, and at exit. Written one event-loop turn at a time, the write cost ~15 µs per request
// under load; a hard crash may lose the last FLUSH_MS of access log (warnings and errors are written at once).
const FLUSH_MS = 100;
const FLUSH_BYTES = 16 * 1024;
// Info lines, and access-log records still to be formatted (see `log.request`), in the order they were logged.
let pending: Array<string | RequestLine> = [];
let pendingBytes = 0;
let timer: NodeJS.Timeout | undefined;
// Whether info lines are wanted, decided once per batch (the first info line of a batch also arms its timer).
let infoWanted: boolean | undefined;
const flushMetrics = batchMetrics("log");

function flushInfo(): void {
  clearTimeout(timer);
  timer = undefined;
  infoWanted = undefined;
  if (pending.length === 0) return;
  const started = epochMs();
  let lines = "";
  for (const entry of pending) lines += typeof entry === "string" ? entry : requestLine(entry);
  const count = pending.length;
  pending = [];
  pendingBytes = 0;
  process.stdout.write(lines);
  flushMetrics.flushed(count, (epochMs() - started) / 1000);
}
process.on("exit", flushInfo);

// What an access-log line adds to its path, in bytes: enough to keep a batch near FLUSH_BYTES.
const REQUEST_LINE_BYTES = 200;

function push(entry: string | RequestLine): void {
  pending.push(entry);
  pendingBytes += typeof entry === "string" ? entry.length : REQUEST_LINE_BYTES + entry.path.length;
  if (pendingBytes >= FLUSH_BYTES) flushInfo();
}

// The ISO time, "2026-11-29T12:34:56.789Z": the part up to the seconds is formatted once a second.
let second = -1;
let upToSecond = "";
export function isoTime(ms = Math.floor(epochMs())): string {
  const s = Math.floor(ms / 1000);
  if (s !== second) {
    second = s;
    upToSecond = new Date(s * 1000).toISOString().slice(0, 20);
  }
  const fraction = ms - s * 1000;
  return `${upToSecond}${fraction < 10 ? "00" : fraction < 100 ? "0" : ""}${fraction}Z`;
}

// An event name, a URL path or an HTTP method rarely needs escaping; JSON.stringify is a call into C++ that cost ~1 µs per use
// inside `next start`, so plain strings are quoted directly.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
function jsonString(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** The fields every line starts with, up to the event, without the closing brace. */
function head(level: string, event: string, time = isoTime()): string {
  return `{"time":"${time}","level":"${level}","event":${jsonString(event)}`;
}

/** The access-log line of a request record: the same line as `info("request", fields)` at `fields.at`. */
function requestLine(fields: RequestLine): string {
  const keyId = fields.keyId === undefined ? "" : `,"keyId":"${fields.keyId}"`;
  return `${head("info", "request", isoTime(Math.floor(fields.at)))},"requestId":"${fields.requestId}","method":${jsonString(fields.method)},"path":${jsonString(fields.path)},"status":${fields.status}${keyId},"ms":${fields.ms}}\n`;
}

function line(level: string, event: string, fields: Fields): string {
  const rest = JSON.stringify(fields);
  return `${head(level, event)}${rest === "{}" ? "" : `,${rest.slice(1, -1)}`}}\n`;
}

/** LOG_LEVEL=warn drops info lines (the per-request access log); a change applies from the next batch. */
function infoEnabled(): boolean {
  if (infoWanted === undefined) {
    infoWanted = config.LOG_LEVEL === "info";
    timer = setTimeout(flushInfo, FLUSH_MS).unref();
  }
  return infoWanted;
}

export interface RequestLine {
  requestId: string;
  method: string;
  /** The path only: a query string may hold a key someone pasted there. */
  path: string;
  status: number;
  keyId?: string;
  ms: number;
  /** When the response was ready, in epoch milliseconds (`epochMs()`): the line's `time`. */
  at: number;
}

export const log = {
  info: (event: string, fields: Fields = {}) => {
    if (infoEnabled()) push(line("info", event, fields));
  },
  /**
   * The access log: the same line as `info("request", fields)`, for every API request. The request only keeps its
   * fields; the line is formatted with the rest of its batch, off the request path (formatting one line between two
   * requests ran with cold caches and cost several times what it costs in a loop). Only the method and path come
   * from the caller; ids and numbers are ours and need no escaping.
   */
  request: (fields: RequestLine) => {
    if (infoEnabled()) push(fields);
  },
  warn: (event: string, fields: Fields = {}) => process.stderr.write(line("warn", event, fields)),
  error: (event: string, fields: Fields = {}) => process.stderr.write(line("error", event, fields)),
  /** Writes the batched info lines now (tests and shutdown). */
  flush: flushInfo,
};
