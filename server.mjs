// `npm start` and `npm run dev`: Next.js behind a node:http server of our own, because route handlers cannot see the
// socket. Before Next.js reads a request, this server stamps on it the address of its TCP peer (lib/http/peer.mjs),
// replacing any copy the client sent: the one source of the client address that a client cannot choose.
//   node server.mjs [--dev] [-p <port>] [-H <hostname>]    (the port and hostname flags of `next start`)
// Plain JavaScript, so that Node runs it without a TypeScript loader: it starts faster, and the app it serves runs
// as under `next start`. Like tools/bench/instrument.mjs, it reads the few variables it needs itself; the app parses
// all of them (lib/config.ts) when Next.js loads next.config.ts, before this server listens.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { peerStamper } from "./lib/http/peer.mjs";
import { ownSignals, runShutdownHooks, startDraining } from "./lib/http/shutdown.mjs";

const { values: options } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
});
const port = portOf(options.port ?? (process.env.PORT || "3000")); // an empty PORT is unset, as in lib/config.ts
const hostname = options.hostname; // unset: every interface, as `next start` listens
// lib/config.ts validates both (with their defaults) when the app loads; here only their values are read.
const shutdownDelayMs = Number(process.env.SHUTDOWN_DELAY_MS || 0);
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);

// What `next start` and `next dev` set before the app loads. Next.js's own SIGTERM handling belongs to `next start`,
// which this replaces: NEXT_MANUAL_SIG_HANDLE leaves the signals to this server (stop() below).
process.env.NODE_ENV ||= options.dev ? "development" : "production";
process.env.NEXT_MANUAL_SIG_HANDLE = "1";
ownSignals();
const { default: next } = await import("next");

const stamp = peerStamper();
const server = createServer();
const app = next({ dev: options.dev, hostname: hostname ?? "localhost", port, httpServer: server });
const handle = app.getRequestHandler();

server.on("request", (request, response) => {
  stamp(request.headers, request.socket.remoteAddress);
  handle(request, response).catch((error) => {
    logLine("error", "server.request_failed", { message: String(error?.message ?? error), stack: error?.stack });
    if (response.headersSent) response.destroy();
    else response.writeHead(500).end("Internal Server Error");
  });
});
// Registered before the upgrade listener Next.js adds on its first request, so it runs first.
server.on("upgrade", (request) => stamp(request.headers, request.socket.remoteAddress));
server.on("error", exit);

await app.prepare().catch(exit);
server.listen(port, hostname, () => {
  const host = hostname === undefined ? "localhost" : hostname.includes(":") ? `[${hostname}]` : hostname;
  logLine("info", "server.listening", { url: `http://${host}:${port}`, dev: options.dev });
});
process.once("SIGTERM", stop);
process.once("SIGINT", stop);

/**
 * Graceful shutdown (lib/http/shutdown.mjs): readiness turns 503 at once; after SHUTDOWN_DELAY_MS no new connection is
 * accepted and idle keep-alive connections are closed; once the requests in flight have ended (or SHUTDOWN_TIMEOUT_MS
 * has passed, when the rest are cut off) the app's hooks (at most as long again) write what is pending, the webhook
 * worker's attempt in progress is recorded, and the process exits with 143 (SIGTERM) or 130 (SIGINT). A second signal
 * exits at once.
 */
function stop(signal) {
  const code = signal === "SIGINT" ? 130 : 143;
  process.once(signal, () => process.exit(code));
  startDraining();
  logLine("info", "server.draining", { signal, delayMs: shutdownDelayMs, timeoutMs: shutdownTimeoutMs });
  let finished = false;
  let idle;
  const finish = (cutOff) => {
    if (finished) return;
    finished = true;
    clearInterval(idle);
    if (cutOff) server.closeAllConnections();
    // The hooks get as long again: a database that does not answer must not keep a stopped process alive.
    const bounded = new Promise((resolve) => setTimeout(resolve, shutdownTimeoutMs).unref());
    void Promise.race([runShutdownHooks(), bounded]).finally(() => process.exit(code));
  };
  setTimeout(() => {
    server.close(() => finish(false));
    // A keep-alive connection between two requests holds server.close() open: close each as it goes idle.
    idle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    setTimeout(() => {
      if (finished) return;
      logLine("warn", "server.shutdown_timeout", { timeoutMs: shutdownTimeoutMs });
      finish(true);
    }, shutdownTimeoutMs).unref();
  }, shutdownDelayMs);
}

function portOf(value) {
  const port = Number(value);
  if (/^\d+$/.test(value.trim()) && port >= 1 && port <= 65535) return port;
  return exit(new Error(`the port must be a whole number from 1 to 65535 (got ${JSON.stringify(value)})`));
}

/** A JSON line as lib/log writes them: info on stdout, the rest on stderr. */
function logLine(level, event, fields) {
  const line = `${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`;
  (level === "info" ? process.stdout : process.stderr).write(line);
}

function exit(error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
