import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isAllowedAddress, privateAddressesAllowed } from "./address";
import { signWebhookPayload } from "./signature";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Resolves like dns.lookup but refuses private addresses at connect time, so a host that resolved to a public
 * address when it was checked cannot rebind to 127.0.0.1 for the request itself.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((entry) => !isAllowedAddress(entry.address));
    const first = addresses[0];
    if (refused || !first) {
      const reason = new Error(
        `refused: ${hostname} resolves to an address that is not globally reachable unicast (${refused?.address ?? "none"})`,
      ) as NodeJS.ErrnoException;
      reason.code = "EPRIVATEADDRESS";
      return callback(reason, "", 0);
    }
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    callback(null, first.address, first.family);
  });
};

/** POSTs one signed payload; resolves with the status code (the body is drained, not read) or the error. Never throws. */
export function sendWebhook({
  url,
  secret,
  body,
  headers = {},
}: {
  url: string;
  secret: string;
  body: string;
  headers?: Record<string, string>;
}): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ statusCode: null, error: "invalid URL", durationMs: 0 });
      return;
    }
    const transport = target.protocol === "https:" ? https : http;
    const request = transport.request(
      target,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Content-Length": String(Buffer.byteLength(body)),
          "User-Agent": "MerchantConsole-Webhooks/1.0",
          "Webhook-Signature": signWebhookPayload(secret, body),
          ...headers,
        },
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        lookup: privateAddressesAllowed() ? undefined : publicOnlyLookup,
      },
      (response) => {
        response.resume();
        resolve({ statusCode: response.statusCode ?? null, error: null, durationMs: elapsed() });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      const message =
        error.name === "TimeoutError" || error.name === "AbortError"
          ? `timed out after ${WEBHOOK_TIMEOUT_MS / 1000} s`
          : error.message || error.code || "request failed";
      resolve({ statusCode: null, error: message, durationMs: elapsed() });
    });
    request.end(body);
  });
}
