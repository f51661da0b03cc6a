import type { Scope } from "../contract/scopes";
import { corsHeaders } from "../http/cors";
import { ApiError } from "../http/errors";
import { andThen } from "../http/maybe";
import type { Authenticator, Admission } from "../http/pipeline";
import { rateLimitHeaders } from "../http/rate-limit";
import { readCredentials } from "./credentials";
import { clientIp } from "../http/client-ip";
import type { ApiKeyPrincipal } from "./cache";
import type { AuthRuntime } from "./runtime";
import { verifyApiKey, type VerifyResult } from "./verify";

function admit(result: VerifyResult): Admission<ApiKeyPrincipal> {
  const { allowedOrigin } = result;
  if (!result.ok) {
    // A refusal after the origin check (IP, scope, rate limit) is readable from the allowed origin's pages.
    const headers = {
      ...(result.rate ? rateLimitHeaders(result.rate) : {}),
      ...(allowedOrigin === undefined ? {} : corsHeaders(allowedOrigin)),
    };
    throw new ApiError(result.status, result.type, result.code, result.message, { headers });
  }
  return { principal: result.key.principal, rate: result.rate, keyId: result.key.id, allowedOrigin };
}

/**
 * Backends (and pages of the origins an application allows) calling with an API key: THE verifier, then the key's
 * usage counted once the response is final.
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
    settled(admission, status, at) {
      if (admission.keyId) runtime.usage.record(admission.keyId, status >= 400, at);
    },
  };
}
