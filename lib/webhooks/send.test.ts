import { createServer as createHttpServer } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { overrideConfigForTests, restoreConfigForTests } from "../config";
import { freePort } from "@/test/support/next-server";
import { guardOutboundConnections } from "@/test/support/outbound";
import type { Resolver } from "./address";
import { newTrace, openConnection } from "./connection";
import { sendWebhook } from "./send";

// Every connection here goes to 127.0.0.1. The documentation and private addresses are handed out by resolvers
// and must be refused before a connection is attempted (guardOutboundConnections throws if one is).
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  restoreConfigForTests();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as AddressInfo).port;
}

/** A TCP server on 127.0.0.1 that counts the connections it accepts and the bytes it receives, and never answers. */
async function silentServer() {
  const seen = { connections: 0, bytes: 0 };
  const sockets: Socket[] = [];
  const server = createTcpServer((socket) => {
    seen.connections += 1;
    sockets.push(socket);
    socket.on("data", (chunk) => (seen.bytes += chunk.length));
    socket.on("error", () => {});
  });
  cleanups.push(() => sockets.forEach((socket) => socket.destroy()));
  return { port: await listen(server), seen };
}

/** An HTTP server on 127.0.0.1 that answers `status`, or closes the connection when the request arrives. */
async function answeringServer(status: number | "close") {
  const server = createHttpServer((request, response) => {
    if (status === "close") request.socket.destroy();
    else response.writeHead(status).end();
  });
  return listen(server);
}

const resolverOf =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

const payload = (url: string) => ({ url, secret: "whsec_test", body: '{"id":"evt_test"}' });

/** Resolves once the socket is closed, with the error it was destroyed with. */
const closed = (socket: Socket) =>
  new Promise<Error | undefined>((resolve) => {
    let failure: Error | undefined;
    socket.on("error", (error) => (failure = error));
    socket.on("close", () => resolve(failure));
  });

describe("sendWebhook reports a failure by its category, never the socket's message", () => {
  it.each([
    ["connection_refused", async () => `http://127.0.0.1:${await freePort()}/hook`],
    ["timeout", async () => `http://127.0.0.1:${(await silentServer()).port}/hook`],
    ["tls_error", async () => `https://127.0.0.1:${await answeringServer(204)}/hook`],
    ["connection_closed", async () => `http://127.0.0.1:${await answeringServer("close")}/hook`],
    ["http_status", async () => `http://127.0.0.1:${await answeringServer(500)}/hook`],
  ])("%s", async (failure, urlOf) => {
    overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" }); // these endpoints are on loopback
    const url = await urlOf();
    const result = await sendWebhook(payload(url), { timeoutMs: 300 });
    expect(result).toMatchObject({ error: failure, statusCode: failure === "http_status" ? 500 : null });
    const port = new URL(url).port;
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`127\\.0\\.0\\.1|:${port}|ECONN|EPROTO|SSL|hang up`));
  });

  it("dns_error, at the check and at the connection's own lookup", async () => {
    const unresolvable: Resolver = () => Promise.reject(new Error("getaddrinfo ENOTFOUND hooks.invalid"));
    expect(await sendWebhook(payload("https://hooks.invalid/"), { resolve: unresolvable })).toMatchObject({
      statusCode: null,
      error: "dns_error",
    });
    overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" }); // no check first: the lookup fails
    expect(await sendWebhook(payload("https://hooks.invalid/"), { resolve: unresolvable })).toMatchObject({
      statusCode: null,
      error: "dns_error",
    });
  });

  it("no error for a 2xx answer", async () => {
    overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });
    const port = await answeringServer(204);
    expect(await sendWebhook(payload(`http://127.0.0.1:${port}/hook`))).toMatchObject({
      statusCode: 204,
      error: null,
    });
  });
});

describe("sendWebhook refuses an address that is not globally reachable unicast without connecting", () => {
  const refused = [
    "192.0.2.2",
    "198.51.100.1",
    "203.0.113.1",
    "192.88.99.1",
    "2001:db8::1",
    "100::1",
    "fec0::1",
    "64:ff9b::7f00:1",
    "2002:7f00:1::",
    "::ffff:0:7f00:1",
    "127.0.0.1",
    "169.254.169.254",
  ];

  it.each(refused)("%s, as the URL's host and as what a host name resolves to", async (address) => {
    const outbound = guardOutboundConnections();
    cleanups.push(outbound.restore);
    const literal = address.includes(":") ? `[${address}]` : address;
    for (const [url, resolve] of [
      [`http://${literal}/hook`, resolverOf()],
      [`https://hooks.example/hook`, resolverOf("93.184.216.34", address)],
    ] as const) {
      expect(await sendWebhook(payload(url), { resolve })).toEqual({
        statusCode: null,
        error: "address_not_allowed",
        durationMs: expect.any(Number),
      });
    }
    expect(outbound.hosts).toEqual([]);
  });
});

describe("openConnection refuses at connect time, whatever was checked before", () => {
  it("refuses a host name that now resolves to loopback (DNS rebinding) in its lookup: no connection is made", async () => {
    const server = await silentServer();
    for (const secure of [false, true]) {
      const trace = newTrace();
      const socket = openConnection(
        { host: "rebound.example", port: server.port, secure, resolve: resolverOf("127.0.0.1") },
        trace,
      );
      await closed(socket);
      expect(trace).toMatchObject({ refusal: "address_not_allowed", connected: false });
    }
    expect(server.seen.connections).toBe(0);
  });

  it("checks the connected socket's address (Node does no lookup for an IP literal): not a byte is sent", async () => {
    const server = await silentServer();
    for (const secure of [false, true]) {
      const trace = newTrace();
      const socket = openConnection({ host: "127.0.0.1", port: server.port, secure, resolve: resolverOf() }, trace);
      socket.write("POST /hook HTTP/1.1\r\n\r\n");
      await closed(socket);
      expect(trace).toMatchObject({ refusal: "address_not_allowed", connected: true, secured: false });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.seen).toEqual({ connections: 2, bytes: 0 });
  });

  it("connects to loopback only with WEBHOOK_ALLOW_PRIVATE=1 (refused in production, see lib/config)", async () => {
    overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });
    const server = await silentServer();
    const trace = newTrace();
    const socket = openConnection(
      { host: "127.0.0.1", port: server.port, secure: false, resolve: resolverOf() },
      trace,
    );
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write("hello");
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    expect(trace).toMatchObject({ refusal: null, connected: true });
    expect(server.seen).toEqual({ connections: 1, bytes: 5 });
  });
});
