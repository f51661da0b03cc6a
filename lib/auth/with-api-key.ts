import { db } from "../db";
import { ApiError } from "../api/errors";
import { isMutating, readRequestBody } from "../api/body";
import { runIdempotent } from "../api/idempotency";
import { setRateLimitHeaders, type RateLimitDecision } from "../api/rate-limit";
import { newRequestId } from "../api/request-id";
import { errorResponse, toApiError } from "../api/respond";
import { epochMs } from "../clock";
import { log } from "../log";
import { readCredentials } from "./credentials";
import { clientIp } from "./ip";
import type { CachedKey } from "./key-cache";
import { authRuntime } from "./runtime";
import type { Scope } from "./scopes";
import { verifyApiKey, type VerifyResult } from "./verify";

export interface ApiKeyContext<Params> {
  request: Request;
  requestId: string;
  key: CachedKey["view"]["key"];
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
type MaybePromise<T> = T | Promise<T>;

type Outcome = { response: Response; errorType?: string };

/** Next.js has already parsed the URL (`nextUrl`); a plain Request (the in-process test server) is parsed here. */
function requestUrl(request: Request): { pathname: string; searchParams: URLSearchParams } {
  return (request as Request & { nextUrl?: URL }).nextUrl ?? new URL(request.url);
}

/**
 * The route wrapper for backends calling /api/v1 with an API key: authenticates through THE verifier, rate limits,
 * parses the body, applies Idempotency-Key, and renders every thrown ApiError as the one error envelope.
 *
 * A read with a cached key and a handler that answers synchronously runs without a single promise: under Next.js
 * each promise also runs AsyncLocalStorage's hooks, and they were the largest cost of a verified request. Route
 * files declare `dynamic = "force-dynamic"` (a test checks it): otherwise Next.js hands the handler its request
 * behind Proxies that consult an AsyncLocalStorage on every read of `headers`, `nextUrl` and `searchParams`.
 */
export function withApiKey<Params = Record<string, never>>(
  options: { scope?: Scope },
  handler: (context: ApiKeyContext<Params>) => MaybePromise<Response>,
) {
  return (request: Request, routeContext: RouteContext<Params>): MaybePromise<Response> => {
    const requestId = newRequestId();
    const started = epochMs();
    const runtime = authRuntime;
    const url = requestUrl(request);
    const { method, headers } = request;
    void runtime.bus.start();
    let rate: RateLimitDecision | undefined;
    let keyId: string | undefined;

    const finish = (response: Response): Response => {
      const now = epochMs();
      response.headers.set("X-Request-Id", requestId);
      if (rate) setRateLimitHeaders(response.headers, rate);
      if (keyId) runtime.usage.record(keyId, response.status >= 400, now);
      log.request({
        requestId,
        method,
        path: url.pathname,
        status: response.status,
        keyId,
        ms: Math.round(now - started),
        at: now,
      });
      return response;
    };
    const fail = (error: unknown): Response => finish(errorResponse(toApiError(error, requestId), requestId));
    // What a handler throws becomes the envelope; its type tells idempotency not to keep a 4xx of validation.
    const caught = (error: unknown): Outcome => {
      const apiError = toApiError(error, requestId);
      return { response: errorResponse(apiError, requestId), errorType: apiError.type };
    };

    const execute = (key: CachedKey, params: Params, body: unknown): MaybePromise<Outcome> => {
      try {
        const answer = handler({
          request,
          requestId,
          key: key.view.key,
          merchant: key.merchant,
          application: key.view.application,
          livemode: key.mode === "live",
          ownerId: key.merchant?.id ?? key.id,
          params,
          body,
          query: url.searchParams,
        });
        return answer instanceof Promise ? answer.then((response) => ({ response }), caught) : { response: answer };
      } catch (error) {
        return caught(error);
      }
    };

    /** POST, PATCH, PUT, DELETE: read the body, then run once per Idempotency-Key. */
    const mutate = async (key: CachedKey): Promise<Response> => {
      const { text, body } = await readRequestBody(request);
      const params = (await routeContext?.params) ?? ({} as Params);
      const idempotencyKey = headers.get("idempotency-key");
      if (idempotencyKey === null) return (await execute(key, params, body)).response;
      return runIdempotent(
        db,
        { apiKeyId: key.id, key: idempotencyKey, method, path: url.pathname, body: text },
        async () => execute(key, params, body),
      );
    };

    const respond = (outcome: MaybePromise<Outcome>): MaybePromise<Response> =>
      outcome instanceof Promise ? outcome.then((done) => finish(done.response), fail) : finish(outcome.response);

    /** A read has no body; it awaits only the route's path parameters (Next.js passes none without dynamic segments). */
    const read = (key: CachedKey): MaybePromise<Response> => {
      const params = routeContext?.params;
      if (params === undefined) return respond(execute(key, {} as Params, undefined));
      return params.then((resolved) => respond(execute(key, resolved, undefined)), fail);
    };

    const admit = (result: VerifyResult): MaybePromise<Response> => {
      rate = result.rate;
      if (!result.ok) return fail(new ApiError(result.status, result.type, result.code, result.message));
      keyId = result.key.id;
      return isMutating(method) ? mutate(result.key).then(finish, fail) : read(result.key);
    };

    try {
      const { secret, claimedKeyId } = readCredentials(headers, url);
      const verifying = verifyApiKey(
        {
          secret,
          claimedKeyId,
          origin: headers.get("origin"),
          clientIp: () => clientIp(headers),
          scope: options.scope,
        },
        runtime.verifier,
      );
      // A cached key with the in-memory limiter is verified synchronously.
      return verifying instanceof Promise ? verifying.then(admit, fail) : admit(verifying);
    } catch (error) {
      return fail(error);
    }
  };
}
