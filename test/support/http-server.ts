import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { peerStamper } from "@/lib/http/peer.mjs";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;

interface Route {
  pattern: RegExp;
  names: string[];
  load: () => Promise<RouteModule>;
}

/** Turns `/app/api/v1/payment_links/[id]/route.ts` into a matcher for `/api/v1/payment_links/:id`, as Next.js does. */
export function routeFromFile(file: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const segments = file
    .replace(/^\/?app/, "")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (catchAll?.[1]) {
        names.push(catchAll[1]);
        return "(.+)";
      }
      const dynamic = /^\[(\w+)\]$/.exec(segment);
      if (dynamic?.[1]) {
        names.push(dynamic[1]);
        return "([^/]+)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
  return { pattern: new RegExp(`^/${segments.join("/")}$`), names };
}

const modules = import.meta.glob<RouteModule>("/app/**/route.ts");
/** Next.js prefers a static segment to a dynamic one, and both to a catch-all: `api-keys/link` before `api-keys/[id]`. */
function specificity(file: string): string {
  return file
    .split("/")
    .map((segment) => (segment.startsWith("[...") ? "2" : segment.startsWith("[") ? "1" : "0"))
    .join("");
}

const routes: Route[] = Object.entries(modules)
  .sort(([a], [b]) => specificity(a).localeCompare(specificity(b)))
  .map(([file, load]) => ({ ...routeFromFile(file), load }));

function toRequest(incoming: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  // Next.js fills X-Forwarded-For from the socket when the client sent none; do the same.
  if (!headers.has("x-forwarded-for") && incoming.socket.remoteAddress)
    headers.set("x-forwarded-for", incoming.socket.remoteAddress);
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", origin), {
    method: incoming.method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

async function dispatch(incoming: IncomingMessage, outgoing: ServerResponse, origin: string): Promise<void> {
  const path = new URL(incoming.url ?? "/", origin).pathname;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const handler = (await route.load())[incoming.method ?? "GET"];
    if (!handler) {
      outgoing.writeHead(405).end();
      return;
    }
    const params = Object.fromEntries(
      route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]),
    );
    const response = await handler(toRequest(incoming, origin), { params: Promise.resolve(params) });
    const payload = Buffer.from(await response.arrayBuffer());
    // A handler that refused a body before reading it all (413) leaves bytes on the socket: don't reuse it.
    const headers = { ...Object.fromEntries(response.headers), ...(incoming.complete ? {} : { connection: "close" }) };
    outgoing.writeHead(response.status, headers);
    outgoing.end(payload);
    return;
  }
  outgoing.writeHead(404).end();
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that runs the app's route handlers in this process (the tests' stand-in for `npm start`). */
export async function startTestServer(): Promise<TestServer> {
  let origin = "";
  const stamp = peerStamper();
  const server: Server = createServer((incoming, outgoing) => {
    // What server.mjs does to every request before Next.js sees it: the TCP peer, replacing whatever the client sent.
    stamp(incoming.headers, incoming.socket.remoteAddress);
    dispatch(incoming, outgoing, origin).catch((error: unknown) => {
      outgoing.writeHead(599).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
