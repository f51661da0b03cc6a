import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A second address of this machine's loopback, so a test has two clients with different TCP peers: Linux routes all
 * of 127.0.0.0/8 to the loopback interface; on macOS, add it once with `sudo ifconfig lo0 alias 127.0.0.2`.
 */
export const OTHER_LOOPBACK = "127.0.0.2";

export interface Sent {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SendOptions {
  /** The local address to connect from: 127.0.0.1 or OTHER_LOOPBACK. */
  from?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One HTTP request on a fresh connection from the local address `from` (127.0.0.1 unless told). */
export function sendFrom(
  url: string,
  { from = "127.0.0.1", method = "GET", headers = {}, body }: SendOptions = {},
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, localAddress: from, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRNOTAVAIL" ? new Error(`${from} is not a loopback address here: ${error.message}`) : error,
      ),
    );
    outgoing.end(body);
  });
}

export interface ForwardingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A reverse proxy on 127.0.0.1 in front of `target` that appends the address of its own TCP peer to
 * X-Forwarded-For, as nginx's `$proxy_add_x_forwarded_for` does.
 */
export async function startForwardingProxy(target: string): Promise<ForwardingProxy> {
  const server = createServer((incoming, outgoing) => {
    const forwarded = [incoming.headers["x-forwarded-for"], incoming.socket.remoteAddress].filter(Boolean).join(", ");
    const headers = { ...incoming.headers, "x-forwarded-for": forwarded };
    const options = { method: incoming.method, headers, agent: false };
    const upstream = request(new URL(incoming.url ?? "/", target), options, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    upstream.on("error", () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
