import type { Scope } from "../contract/scopes";
import { corsHeaders } from "../http/cors";
import { ApiError } from "../http/errors";
import { andThen } from "../http/maybe";
import type { Authenticator, Admission, Exchange } from "../http/pipeline";
import { rateLimitHeaders } from "../http/rate-limit";
import type { RequestLogEntry } from "../request-log";
import { readCredentials } from "./credentials";
import { clientIp } from "../http/client-ip";
import type { ApiKeyPrincipal } from "./cache";
import type { AuthRuntime } from "./runtime";
import { verifyApiKey, type VerifyResult } from "./verify";

/** The key behind each refusal the verifier made of a known key (revoked, expired, …): the request log names it. */
const refusedKeys = new WeakMap<ApiError, ApiKeyPrincipal>();

function admit(result: VerifyResult): Admission<ApiKeyPrincipal> {
  const { allowedOrigin } = result;
  if (!result.ok) {
    // A refusal after the origin check (IP, scope, rate limit) is readable from the allowed origin's pages.
    const headers = {
      ...(result.rate ? rateLimitHeaders(result.rate) : {}),
      ...(allowedOrigin === undefined ? {} : corsHeaders(allowedOrigin)),
    };
    const error = new ApiError(result.status, result.type, result.code, result.message, { headers });
    if (result.key) refusedKeys.set(error, result.key.principal);
    throw error;
  }
  return { principal: result.key.principal, rate: result.rate, keyId: result.key.id, allowedOrigin };
}

/** The object a successful change answered with: what the request created or changed. */
function changedObjects({ method, status, answer }: Exchange): string[] {
  if (method === "GET" || status >= 300 || typeof answer !== "object" || answer === null) return [];
  const { id } = answer as { id?: unknown };
  return typeof id === "string" ? [id] : [];
}

function logEntry(principal: ApiKeyPrincipal, merchantId: string, exchange: Exchange): RequestLogEntry {
  const { request, error, at } = exchange;
  const { headers } = request;
  return {
    at,
    requestId: exchange.requestId,
    merchantId,
    mode: principal.key.mode,
    apiKeyId: principal.key.id,
    applicationId: principal.application?.id ?? null,
    method: exchange.method,
    path: exchange.path,
    status: exchange.status,
    durationMs: at - exchange.startedAt,
    ip: clientIp(headers),
    userAgent: headers.get("user-agent"),
    idempotencyKey: headers.get("idempotency-key"),
    error: error ? { type: error.type, code: error.code, message: error.message } : null,
    objectIds: changedObjects(exchange),
  };
}

/**
 * Backends (and pages of the origins an application allows) calling with an API key: THE verifier, then, once the
 * response is final, the key's usage counted and the request pushed onto the request log's batch. A request whose
 * key is unknown (or absent, or unclaimed) has no merchant to show it to, and is not logged.
 */
export function apiKeyAuthenticator(scope: Scope | null, runtime: AuthRuntime): Authenticator<ApiKeyPrincipal> {
  const wanted = scope ?? undefined;
  return {
    authenticate(request, url) {
      void runtime.bus.start();
      const { headers } = request;
      const { secret, claimedKeyId } = readCredentials(headers, url);
      const input = {
        secret,
        claimedKeyId,
        origin: headers.get("origin"),
        clientIp: () => clientIp(headers),
        scope: wanted,
      };
      // A cached key is verified synchronously while the limiter answers from memory (always, or from its lease).
      return andThen(verifyApiKey(input, runtime.verifier), admit);
    },
    cors: true,
    settled(admission, exchange) {
      if (admission?.keyId) runtime.usage.record(admission.keyId, exchange.status >= 400, exchange.at);
      const principal = admission?.principal ?? (exchange.error && refusedKeys.get(exchange.error));
      const merchantId = principal?.merchant?.id;
      if (principal && merchantId !== undefined) runtime.requestLog.record(logEntry(principal, merchantId, exchange));
    },
  };
}
