import type { LookupAddress } from "node:dns";
import net, { type LookupFunction } from "node:net";
import tls from "node:tls";
import type { WebhookFailure } from "../contract/webhooks";
import { isAllowedAddress, privateAddressesAllowed, type Resolver } from "./address";

/** What one connection went through: its failure's category comes from this (TLS hides the TCP socket's error). */
export interface ConnectionTrace {
  /** Set when this code refused the connection: the host did not resolve, or an address is not allowed. */
  refusal: WebhookFailure | null;
  /** The TCP socket's own error, if any. */
  error: NodeJS.ErrnoException | null;
  connected: boolean;
  secured: boolean;
}

export const newTrace = (): ConnectionTrace => ({ refusal: null, error: null, connected: false, secured: false });

class RefusedConnection extends Error {
  constructor(readonly failure: WebhookFailure) {
    super(failure);
    this.name = "RefusedConnection";
  }
}

/**
 * dns.lookup for net.connect, through `resolve`, that refuses the whole host when any of its addresses is not
 * allowed. It runs when the socket connects, so a host that rebound to a private address since it was checked is
 * refused before any packet is sent. (Node calls no lookup for an IP literal: the connected socket's check covers it.)
 */
export function guardedLookup(resolve: Resolver, trace: ConnectionTrace, guard = true): LookupFunction {
  return (hostname, options, callback) => {
    const refuse = (failure: WebhookFailure) => {
      trace.refusal = failure;
      callback(new RefusedConnection(failure), "", 0);
    };
    resolve(hostname).then(
      (found) => {
        const addresses = found.filter((entry) => !options.family || entry.family === options.family);
        const [first] = addresses;
        if (!first) return refuse("dns_error");
        if (guard && !addresses.every((entry) => isAllowedAddress(entry.address))) return refuse("address_not_allowed");
        if (options.all) return (callback as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        callback(null, first.address, first.family);
      },
      () => refuse("dns_error"),
    );
  };
}

export interface ConnectionTarget {
  host: string;
  port: number;
  secure: boolean;
  resolve: Resolver;
}

/**
 * A TCP (and for https, TLS) connection to a webhook endpoint. Unless WEBHOOK_ALLOW_PRIVATE=1, the host is resolved
 * through guardedLookup and the connected socket's own remote address is checked before anything else hears of the
 * connection: a refused socket is destroyed before the TLS handshake or the request writes a byte.
 */
export function openConnection({ host, port, secure, resolve }: ConnectionTarget, trace: ConnectionTrace) {
  const guard = !privateAddressesAllowed();
  const socket = net.connect({ host, port, lookup: guardedLookup(resolve, trace, guard) });
  socket.once("connect", () => {
    trace.connected = true;
    if (guard && !isAllowedAddress(socket.remoteAddress ?? "")) {
      trace.refusal = "address_not_allowed";
      socket.destroy(new RefusedConnection("address_not_allowed"));
    }
  });
  socket.once("error", (error) => (trace.error ??= error));
  if (!secure) return socket;
  const secured = tls.connect({ socket, host, servername: net.isIP(host) ? undefined : host });
  secured.once("secureConnect", () => (trace.secured = true));
  return secured;
}

/** The category of a request's error: never its message, which names addresses and ports of the server's network. */
export function failureOf(error: Error, trace: ConnectionTrace, secure: boolean): WebhookFailure {
  if (error.name === "TimeoutError" || error.name === "AbortError") return "timeout";
  if (trace.refusal) return trace.refusal;
  if (!trace.connected)
    return (trace.error ?? (error as NodeJS.ErrnoException)).code === "ECONNREFUSED"
      ? "connection_refused"
      : "connection_failed";
  if (secure && !trace.secured) return "tls_error";
  return "connection_closed";
}
