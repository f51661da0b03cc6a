import type { PublicIpLimit } from "../contract/operation";
import { rateLimitDecisions } from "../metrics";
import { clientIp } from "./client-ip";
import { ApiError } from "./errors";
import type { Authenticator } from "./pipeline";
import { rateLimitHeaders, type RateLimiter } from "./rate-limit";

/** A caller without credentials: the address it comes from, and nothing else. */
export interface PublicPrincipal {
  clientIp: string | null;
}

/** No credentials; an operation with an IP limit counts each request against the caller's address. */
export function publicAuthenticator(
  ipLimit: PublicIpLimit | null,
  limits: { limiter: () => RateLimiter; perWindow: (bucket: PublicIpLimit["bucket"]) => number },
): Authenticator<PublicPrincipal> {
  return {
    async authenticate(request) {
      const ip = clientIp(request.headers);
      if (!ipLimit) return { principal: { clientIp: ip } };
      const bucket = `${ipLimit.bucket}:${ip ?? "unknown"}`;
      const rate = await limits.limiter().consume(bucket, limits.perWindow(ipLimit.bucket), ipLimit.windowMs);
      (rate.allowed ? rateLimitDecisions.client_ip.allowed : rateLimitDecisions.client_ip.refused).inc();
      if (!rate.allowed) {
        throw new ApiError(
          429,
          "rate_limited",
          "rate_limited",
          "Too many requests from your address. Retry after the time in the Retry-After header.",
          { headers: rateLimitHeaders(rate) },
        );
      }
      return { principal: { clientIp: ip }, rate };
    },
  };
}
