import http from "node:http";
import https from "node:https";
import { config } from "../config";
import type { WebhookFailure } from "../contract/webhooks";
import { checkWebhookUrl, systemResolver, type Resolver } from "./address";
import { failureOf, newTrace, openConnection } from "./connection";
import { signWebhookPayload } from "./signature";

export const WEBHOOK_TIMEOUT_MS = config.WEBHOOK_TIMEOUT_MS;

export interface SendResult {
  statusCode: number | null;
  /** Null for a 2xx answer; otherwise a category, never a socket's message. */
  error: WebhookFailure | null;
  durationMs: number;
}

export interface WebhookRequest {
  url: string;
  /** One secret, or during a rotation's overlap the new one and then the previous one: one `v1=` each. */
  secret: string | readonly string[];
  body: string;
  headers?: Record<string, string>;
}

/** Tests resolve host names themselves and wait less. */
export interface SendOptions {
  resolve?: Resolver;
  timeoutMs?: number;
}

/**
 * POSTs one signed payload; resolves with the status code (the body is drained, not read) or the failure's category.
 * Never throws. The URL is checked again first (its host may resolve elsewhere now), then the connection refuses
 * a disallowed address itself (openConnection). Redirects are not followed.
 */
export async function sendWebhook(
  { url, secret, body, headers = {} }: WebhookRequest,
  { resolve = systemResolver, timeoutMs = WEBHOOK_TIMEOUT_MS }: SendOptions = {},
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const check = await checkWebhookUrl(url, resolve);
  if (!check.ok) return { statusCode: null, error: check.failure, durationMs: elapsed() };
  const target = new URL(url);
  const secure = target.protocol === "https:";
  const trace = newTrace();
  return new Promise((settle) => {
    const request = (secure ? https : http).request(
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
        signal: AbortSignal.timeout(timeoutMs),
        // No agent: a fresh connection per attempt, opened (and checked) here alone, never one from a pool.
        createConnection: () =>
          openConnection(
            {
              host: target.hostname.replace(/^\[|\]$/g, ""),
              port: Number(target.port) || (secure ? 443 : 80),
              secure,
              resolve,
            },
            trace,
          ),
      },
      (response) => {
        response.resume();
        const statusCode = response.statusCode ?? null;
        const succeeded = statusCode !== null && statusCode >= 200 && statusCode < 300;
        settle({ statusCode, error: succeeded ? null : "http_status", durationMs: elapsed() });
      },
    );
    request.on("error", (error) =>
      settle({ statusCode: null, error: failureOf(error, trace, secure), durationMs: elapsed() }),
    );
    request.end(body);
  });
}
