import type { z } from "zod";
import type { OperationSpec, PathParams, QueryOf, BodyOf } from "../contract/operation";
import type { Context } from "../context";
import { epochMs } from "../clock";
import { log } from "../log";
import { requestMetrics } from "../metrics";
import { isMutating, readRequestBody } from "./body";
import { setCorsHeaders } from "./cors";
import { runIdempotent } from "./idempotency";
import { andThen, settle, type MaybePromise } from "./maybe";
import { parseInput, parseQuery } from "./parse-input";
import { setRateLimitHeaders, type RateLimitDecision } from "./rate-limit";
import type { ApiError } from "./errors";
import { newRequestId } from "./request-id";
import { errorResponse, json, toApiError } from "./respond";

/** Who is calling, as an authenticator admitted them. */
export interface Admission<Principal> {
  principal: Principal;
  /** The rate-limit decision whose RateLimit-* headers the response carries. */
  rate?: RateLimitDecision;
  /** The API key behind the request: in the access log, and the scope of its Idempotency-Keys. */
  keyId?: string;
  /** The request's Origin, which the caller's application allows: the response carries CORS headers for it. */
  allowedOrigin?: string;
}

/** One request and its final answer, as the pipeline hands it to the authenticator's `settled` hook. */
export interface Exchange {
  request: Request;
  requestId: string;
  method: string;
  path: string;
  status: number;
  /** Epoch milliseconds (lib/clock) when the request arrived, and when its response was final. */
  startedAt: number;
  at: number;
  /** The error whose envelope the response carries, when the pipeline rendered one (not a replayed answer). */
  error?: ApiError;
  /** What the handler answered, when it ran and succeeded. */
  answer?: unknown;
}

/** One kind of caller (API key, session or management token, nobody): admits a request or throws an ApiError. */
export interface Authenticator<Principal> {
  authenticate(request: Request, url: RequestUrl): MaybePromise<Admission<Principal>>;
  /**
   * Runs once the response is final, for every request, admitted or not (`admission` is then undefined): e.g. to
   * count the key's usage and record the request log.
   */
  settled?(admission: Admission<Principal> | undefined, exchange: Exchange): void;
  /** Answers browsers of allowed origins (CORS): every response depends on `Origin` and says so (`Vary`). */
  readonly cors?: boolean;
}

export interface RequestUrl {
  pathname: string;
  searchParams: URLSearchParams;
}

/** What a handler receives: the principal's fields, the operation's parsed input, and the domain context. */
export type HandlerInput<Op extends OperationSpec, Principal> = Principal & {
  params: PathParams<Op["path"]>;
  query: QueryOf<Op>;
  body: BodyOf<Op>;
  request: Request;
  requestId: string;
  ctx: Context;
};

export type Handler<Op extends OperationSpec, Principal> = (
  input: HandlerInput<Op, Principal>,
) => MaybePromise<z.input<Op["response"]>>;

/** The handler Next.js calls for one method of a route file; `operation` tells the coverage test what it serves. */
export type RouteHandler<Op extends OperationSpec> = ((
  request: Request,
  route: { params: Promise<PathParams<Op["path"]>> },
) => MaybePromise<Response>) & { readonly operation: Op };

type Outcome = { response: Response; errorType?: string };

/** Next.js has already parsed the URL (`nextUrl`); a plain Request (the in-process test server) is parsed here. */
function requestUrl(request: Request): RequestUrl {
  return (request as Request & { nextUrl?: URL }).nextUrl ?? new URL(request.url);
}

/** Renders a handler's answer with the operation's status; outside production, checks it against the contract. */
function responder(op: OperationSpec, checkResponses: boolean): (data: unknown) => Response {
  const status = op.status ?? 200;
  const check = (data: unknown) => {
    const result = op.response.safeParse(data);
    if (!result.success) {
      throw new Error(`The response of ${op.method} ${op.path} breaks its contract: ${result.error.message}`);
    }
  };
  if (status === 204) {
    return (data) => {
      if (checkResponses) check(data);
      return new Response(null, { status });
    };
  }
  return checkResponses
    ? (data) => {
        check(data);
        return json(data, status);
      }
    : (data) => json(data, status);
}

export interface PipelineOptions {
  context: () => Context;
  /** Check every response against the operation's response schema (development and tests, never production). */
  checkResponses: boolean;
}

/**
 * THE request pipeline, for every caller: request id and `X-Request-Id`, authentication, path parameters, query and
 * body parsed with the operation's schemas (a handler never parses its own input), Idempotency-Key for API keys,
 * the one error envelope, rate-limit headers, CORS headers for an allowed origin, `Cache-Control: no-store`, and the
 * access log.
 *
 * A read with a cached key and a handler that answers synchronously runs without a single promise. Route files
 * declare `dynamic = "force-dynamic"` (a test checks it): otherwise Next.js hands the handler its request behind
 * Proxies that consult an AsyncLocalStorage on every read of `headers`, `nextUrl` and `searchParams`.
 */
export function pipeline<Op extends OperationSpec, Principal>(
  op: Op,
  authenticator: Authenticator<Principal>,
  handler: Handler<Op, Principal>,
  options: PipelineOptions,
): RouteHandler<Op> {
  const mutating = isMutating(op.method);
  const hasParams = op.path.includes("{");
  const render = responder(op, options.checkResponses);
  const cors = authenticator.cors === true;
  const observe = requestMetrics(op.method, op.path);
  const settled = authenticator.settled?.bind(authenticator);
  type Params = PathParams<Op["path"]>;

  const serve = (request: Request, route: { params: Promise<Params> }): MaybePromise<Response> => {
    const requestId = newRequestId();
    const started = epochMs();
    const url = requestUrl(request);
    const { method } = request;
    let admission: Admission<Principal> | undefined;
    let failure: ApiError | undefined;
    let answer: unknown;

    const finish = (response: Response): Response => {
      const now = epochMs();
      const { headers } = response;
      headers.set("X-Request-Id", requestId);
      headers.set("Cache-Control", "no-store");
      if (cors) headers.append("Vary", "Origin");
      if (admission) {
        if (admission.rate) setRateLimitHeaders(headers, admission.rate);
        if (admission.allowedOrigin !== undefined) setCorsHeaders(headers, admission.allowedOrigin);
      }
      const keyId = admission?.keyId;
      const { status } = response;
      if (settled) {
        const path = url.pathname;
        settled(admission, {
          request,
          requestId,
          method,
          path,
          status,
          startedAt: started,
          at: now,
          error: failure,
          answer,
        });
      }
      log.request({ requestId, method, path: url.pathname, status, keyId, ms: Math.round(now - started), at: now });
      observe(status, (now - started) / 1000);
      return response;
    };
    const fail = (error: unknown): Response => {
      failure = toApiError(error, requestId);
      return finish(errorResponse(failure, requestId));
    };
    // What a handler throws becomes the envelope; its type tells idempotency not to keep a 4xx of validation.
    const caught = (error: unknown): Outcome => {
      const apiError = (failure = toApiError(error, requestId));
      return { response: errorResponse(apiError, requestId), errorType: apiError.type };
    };

    const execute = (principal: Principal, params: Params, body: unknown): MaybePromise<Outcome> =>
      settle(() => {
        const input = {
          ...principal,
          params,
          query: (op.query ? parseQuery(op.query, url.searchParams) : undefined) as QueryOf<Op>,
          body: (op.body ? parseInput(op.body, body) : undefined) as BodyOf<Op>,
          request,
          requestId,
          // A change's events name the request (the request log's trace); reads record none.
          ctx: mutating ? { ...options.context(), requestId } : options.context(),
        };
        return andThen(handler(input), (data): Outcome => {
          const response = render(data);
          answer = data;
          return { response };
        });
      }, caught);

    /** POST, PATCH, PUT, DELETE: read the body, then run once per Idempotency-Key (API keys only). */
    const mutate = async (admitted: Admission<Principal>, params: Params): Promise<Response> => {
      const { text, body } = await readRequestBody(request);
      const idempotencyKey = request.headers.get("idempotency-key");
      if (idempotencyKey === null || admitted.keyId === undefined) {
        return (await execute(admitted.principal, params, body)).response;
      }
      const { db } = options.context();
      const claim = { apiKeyId: admitted.keyId, key: idempotencyKey, method, path: url.pathname, body: text };
      return runIdempotent(db, claim, async () => execute(admitted.principal, params, body));
    };

    const run = (admitted: Admission<Principal>, params: Params): MaybePromise<Response> =>
      mutating
        ? mutate(admitted, params)
        : andThen(execute(admitted.principal, params, undefined), (done) => done.response);

    const admit = (admitted: Admission<Principal>): MaybePromise<Response> => {
      admission = admitted;
      // Next.js passes no params to a route without dynamic segments: the hot path awaits nothing.
      return hasParams ? route.params.then((params) => run(admitted, params)) : run(admitted, {} as Params);
    };

    return settle(() => andThen(andThen(authenticator.authenticate(request, url), admit), finish), fail);
  };
  return Object.assign(serve, { operation: op });
}
