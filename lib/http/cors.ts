import type { HttpMethod, OperationSpec } from "../contract/operation";
import { epochMs } from "../clock";
import { log } from "../log";
import { newRequestId } from "./request-id";

/** What a page may send beyond the CORS-safelisted headers: an API key in any of its forms, Idempotency-Key, JSON. */
export const CORS_ALLOWED_HEADERS =
  "Authorization, X-Api-Key, X-Api-Key-Id, X-Api-Key-Secret, Idempotency-Key, Content-Type";
/** What a page may read beyond the CORS-safelisted response headers. */
export const CORS_EXPOSED_HEADERS =
  "X-Request-Id, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, Idempotent-Replayed";
/** How long a browser may reuse a preflight's answer: Chromium's cap. */
const PREFLIGHT_MAX_AGE_SECONDS = "7200";

/** The headers that let a page of `origin` read this response; only for an origin the key's application lists. */
export function corsHeaders(origin: string): Record<string, string> {
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": CORS_EXPOSED_HEADERS };
}

export function setCorsHeaders(headers: Headers, origin: string): void {
  headers.set("Access-Control-Allow-Origin", origin);
  headers.set("Access-Control-Expose-Headers", CORS_EXPOSED_HEADERS);
}

/** An http(s) origin as browsers serialize it: `null`, paths and other schemes are never answered. */
function isWebOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

/** The OPTIONS handler of a route file; `preflight` tells the coverage test which path and methods it answers for. */
export type PreflightHandler = ((request: Request) => Response) & {
  readonly preflight: { path: string; methods: HttpMethod[] };
};

/**
 * Answers the CORS preflight of a path's API-key operations:
 * `export const OPTIONS = preflight(paymentLinks.list, paymentLinks.create)`.
 *
 * A preflight carries no API key, so it cannot know which application's origins apply: it answers any web origin,
 * and grants nothing by that. The actual request's key decides. From an origin its application does not list, the
 * verifier refuses the request (403 `origin_not_allowed`) before any handler runs, and the response has no
 * `Access-Control-Allow-Origin`, so the page cannot read it. Without `Origin` (not a preflight) it answers as
 * Next.js would, with `Allow`.
 */
export function preflight(...ops: OperationSpec[]): PreflightHandler {
  const path = ops[0]?.path;
  if (path === undefined || ops.some((op) => op.path !== path || op.auth.kind !== "apiKey")) {
    throw new Error("preflight() takes the API-key operations of one path");
  }
  const methods = ops.map((op) => op.method);
  const allow = [...methods, "OPTIONS"].join(", ");

  const serve = (request: Request): Response => {
    const requestId = newRequestId();
    const started = epochMs();
    const headers = new Headers({
      Allow: allow,
      Vary: "Origin",
      "X-Request-Id": requestId,
      "Cache-Control": "no-store",
    });
    const origin = request.headers.get("origin");
    if (origin !== null && request.headers.has("access-control-request-method") && isWebOrigin(origin)) {
      headers.set("Access-Control-Allow-Origin", origin);
      headers.set("Access-Control-Allow-Methods", methods.join(", "));
      headers.set("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS);
      headers.set("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
    }
    const now = epochMs();
    const { pathname } = new URL(request.url);
    log.request({ requestId, method: "OPTIONS", path: pathname, status: 204, ms: Math.round(now - started), at: now });
    return new Response(null, { status: 204, headers });
  };
  return Object.assign(serve, { preflight: { path, methods } });
}
