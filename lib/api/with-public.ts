import { clientIp } from "../auth/ip";
import { readRequestBody } from "./body";
import { ApiError } from "./errors";
import { setRateLimitHeaders, type RateLimitDecision, type RateLimiter } from "./rate-limit";
import { newRequestId } from "./request-id";
import { errorResponse, toApiError } from "./respond";

export interface PublicContext {
  request: Request;
  requestId: string;
  clientIp: string | null;
  body: unknown;
}

/**
 * The route wrapper for callers without credentials (unclaimed-key creation): a per-IP rate limit, the parsed
 * body, and the one error envelope.
 */
export function withPublic(
  options: { limiter: () => RateLimiter; bucket: string; limit: () => number; windowMs: number },
  handler: (context: PublicContext) => Promise<Response>,
) {
  return async (request: Request): Promise<Response> => {
    const requestId = newRequestId();
    let response: Response;
    let decision: RateLimitDecision | undefined;
    try {
      const ip = clientIp(request.headers);
      decision = await options
        .limiter()
        .consume(`${options.bucket}:${ip ?? "unknown"}`, options.limit(), options.windowMs);
      if (!decision.allowed) {
        throw new ApiError(
          429,
          "rate_limited",
          "rate_limited",
          "Too many requests from your address. Retry after the time in the Retry-After header.",
        );
      }
      const { body } = await readRequestBody(request);
      response = await handler({ request, requestId, clientIp: ip, body });
    } catch (error) {
      response = errorResponse(toApiError(error, requestId), requestId);
    }
    response.headers.set("X-Request-Id", requestId);
    if (decision) setRateLimitHeaders(response.headers, decision);
    return response;
  };
}
