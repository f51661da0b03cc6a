import { isIP, Socket } from "node:net";
import { vi } from "vitest";

const isLoopback = (ip: string) => /^127\./.test(ip) || ip === "::1" || ip === "::ffff:127.0.0.1";

/** The options object of a Socket#connect call: net.connect hands over its normalized [options, callback] array. */
function connectOptions(args: unknown[]): { host?: unknown; path?: unknown } {
  const [first] = args;
  const options = Array.isArray(first) ? first[0] : first;
  return typeof options === "object" && options !== null ? options : {};
}

/**
 * Records the host of every TCP connection this process starts from now on (until `restore()`), and throws, so
 * no packet leaves, for one to an IP address outside loopback: a test that must not reach a documentation or
 * private address stays harmless even when the code under test is wrong. Host names are let through (their
 * lookup decides) and recorded as given.
 */
export function guardOutboundConnections() {
  const hosts: string[] = [];
  const original = Socket.prototype.connect;
  const spy = vi.spyOn(Socket.prototype, "connect").mockImplementation(function (this: Socket, ...args: unknown[]) {
    const { host, path } = connectOptions(args);
    if (path === undefined) {
      const target = typeof host === "string" ? host.replace(/^\[|\]$/g, "") : "localhost";
      hosts.push(target);
      if (isIP(target) && !isLoopback(target)) throw new Error(`a test may not connect to ${target}`);
    }
    return Reflect.apply(original, this, args) as Socket;
  });
  return {
    /** Hosts connected to, loopback ones included (the test's own server and database). */
    hosts,
    /** The hosts outside loopback and localhost. */
    outside: () => hosts.filter((host) => host !== "localhost" && !(isIP(host) && isLoopback(host))),
    restore: () => spy.mockRestore(),
  };
}
