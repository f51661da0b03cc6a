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

const { values: options } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
});
const port = portOf(options.port ?? (process.env.PORT || "3000")); // an empty PORT is unset, as in lib/config.ts
const hostname = options.hostname; // unset: every interface, as `next start` listens

// What `next start` and `next dev` set before the app loads. Next.js's own SIGTERM handling belongs to `next start`,
// which this replaces: NEXT_MANUAL_SIG_HANDLE tells lib/keys/runtime to exit once it has flushed the usage counters.
process.env.NODE_ENV ||= options.dev ? "development" : "production";
process.env.NEXT_MANUAL_SIG_HANDLE = "1";
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
