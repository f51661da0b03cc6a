import { db } from "../db";
import { ApiError } from "../api/errors";
import { isMutating, readRequestBody } from "../api/body";
import { runIdempotent } from "../api/idempotency";
import { rateLimitHeaders, type RateLimitDecision } from "../api/rate-limit";
import { newRequestId } from "../api/request-id";
import { errorResponse, toApiError } from "../api/respond";
import { log } from "../log";
import { readCredentials } from "./credentials";
import { clientIp } from "./ip";
import type { CachedKey } from "./key-cache";
import type { KeyMode } from "./key-format";
import { authRuntime } from "./runtime";
import type { Scope } from "./scopes";
import { verifyApiKey } from "./verify";

export interface ApiKeyContext<Params> {
  request: Request;
  requestId: string;
  key: { id: string; name: string; prefix: string; mode: KeyMode; scopes: readonly Scope[] };
  merchant: { id: string; name: string } | null;
  application: { id: string; name: string } | null;
  livemode: boolean;
  /** Whose objects this request sees: the merchant's, or an unclaimed key's own sandbox. */
  ownerId: string;
  params: Params;
  /** The parsed JSON body of POST/PATCH/DELETE (undefined when empty). */
  body: unknown;
  query: URLSearchParams;
}

type RouteContext<Params> = { params: Promise<Params> };

/** Next.js has already parsed the URL (`nextUrl`); a plain Request (the in-process test server) is parsed here. */
function requestUrl(request: Request): { pathname: string; searchParams: URLSearchParams } {
  return (request as Request & { nextUrl?: URL }).nextUrl ?? new URL(request.url);
}

function contextFor<Params>(request: Request, url: { searchParams: URLSearchParams }, requestId: string, key: CachedKey, params: Params, body: unknown): ApiKeyContext<Params> {
  return {
    request,
    requestId,
    key: { id: key.id, name: key.name, prefix: key.prefix, mode: key.mode, scopes: key.scopeList },
    merchant: key.merchant,
    application: key.application && { id: key.application.id, name: key.application.name },
    livemode: key.mode === "live",
    ownerId: key.merchant?.id ?? key.id,
    params,
    body,
    query: url.searchParams,
  };
}

/**
 * The route wrapper for backends calling /api/v1 with an API key: authenticates through THE verifier, rate limits,
 * parses the body, applies Idempotency-Key, and renders every thrown ApiError as the one error envelope.
 */
export function withApiKey<Params = Record<string, never>>(
  options: { scope?: Scope },
  handler: (context: ApiKeyContext<Params>) => Promise<Response>,
) {
  return async (request: Request, routeContext: RouteContext<Params>): Promise<Response> => {
    const requestId = newRequestId();
    const started = performance.now();
    const runtime = authRuntime;
    const url = requestUrl(request);
    void runtime.bus.start();
    let rate: RateLimitDecision | undefined;
    let keyId: string | undefined;
    let response: Response;
    try {
      const headers = request.headers;
      const credentials = readCredentials(headers, url);
      const verifying = verifyApiKey(
        { ...credentials, origin: headers.get("origin"), clientIp: () => clientIp(headers), scope: options.scope },
        runtime.verifier,
      );
      // A cached key with the in-memory limiter is verified synchronously: no await on the hot path.
      const result = verifying instanceof Promise ? await verifying : verifying;
      rate = result.rate;
      if (!result.ok) throw new ApiError(result.status, result.type, result.code, result.message);
      keyId = result.key.id;
      const key = result.key;

      const { text: bodyText, body } = await readRequestBody(request);
      const params = await routeContext.params;
      const execute = async () => {
        try {
          return { response: await handler(contextFor(request, url, requestId, key, params, body)) };
        } catch (error) {
          const apiError = toApiError(error, requestId);
          return { response: errorResponse(apiError, requestId), errorType: apiError.type };
        }
      };
      const idempotencyKey = isMutating(request.method) ? headers.get("idempotency-key") : null;
      response =
        idempotencyKey !== null
          ? await runIdempotent(db, { apiKeyId: key.id, key: idempotencyKey, method: request.method, path: url.pathname, body: bodyText }, execute)
          : (await execute()).response;
    } catch (error) {
      response = errorResponse(toApiError(error, requestId), requestId);
    }

    response.headers.set("X-Request-Id", requestId);
    if (rate) for (const [name, value] of Object.entries(rateLimitHeaders(rate))) response.headers.set(name, value);
    if (keyId) runtime.usage.record(keyId, response.status >= 400);
    // The path only: a query string may hold a key someone pasted there.
    log.info("request", { requestId, method: request.method, path: url.pathname, status: response.status, keyId, ms: Math.round(performance.now() - started) });
    return response;
  };
}
