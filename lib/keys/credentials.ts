import { ApiError } from "../http/errors";

export interface Credentials {
  secret: string;
  /** From X-Api-Key-Id: the verifier checks it names the same key as the secret. */
  claimedKeyId?: string;
}

const QUERY_KEY_NAMES = new Set(["api_key", "apikey", "key", "access_token", "token", "secret", "x-api-key"]);

const missing = () =>
  new ApiError(
    401,
    "authentication",
    "missing_api_key",
    "No API key was provided. Send it as 'Authorization: Bearer <key>'.",
  );

/** The secret in `Authorization`: Bearer <key>, or Basic with the key as user name and an empty password. */
function fromAuthorization(header: string): string {
  // RFC 9110: the scheme, one or more spaces, then the credentials.
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  const scheme = (space === -1 ? trimmed : trimmed.slice(0, space)).toLowerCase();
  const value = space === -1 ? "" : trimmed.slice(space + 1).trimStart();
  if (scheme === "bearer" && value) return value;
  if (scheme === "basic" && value) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const user = colon === -1 ? decoded : decoded.slice(0, colon);
    const password = colon === -1 ? "" : decoded.slice(colon + 1);
    if (password !== "") {
      throw new ApiError(
        400,
        "invalid_request",
        "invalid_authorization",
        "With Basic authentication, send the API key as the user name and an empty password.",
      );
    }
    if (user) return user;
  }
  throw new ApiError(
    401,
    "authentication",
    "invalid_api_key",
    "The Authorization header must be 'Bearer <key>' or Basic with the key as user name.",
  );
}

/**
 * Reads the API key from the one header a request uses: Authorization (Bearer or Basic), X-Api-Key, or the pair
 * X-Api-Key-Id + X-Api-Key-Secret. A key in the query string is refused (URLs end up in logs and histories).
 */
export function readCredentials(headers: Headers, url: { searchParams: URLSearchParams }): Credentials {
  const query = url.searchParams;
  if (query.size > 0) {
    for (const [name, value] of query) {
      if (QUERY_KEY_NAMES.has(name.toLowerCase()) || value.startsWith("ck_")) {
        throw new ApiError(
          400,
          "invalid_request",
          "api_key_in_query",
          "API keys must not be sent in the URL. Send the key in the Authorization header instead ('Authorization: Bearer <key>').",
          { param: name },
        );
      }
    }
  }

  const found: string[] = [];
  const authorization = headers.get("authorization");
  if (authorization) found.push(fromAuthorization(authorization));
  const apiKey = headers.get("x-api-key");
  if (apiKey) found.push(apiKey.trim());
  const keyId = headers.get("x-api-key-id")?.trim();
  const keySecret = headers.get("x-api-key-secret")?.trim();
  if (keyId && !keySecret) {
    throw new ApiError(
      400,
      "invalid_request",
      "incomplete_api_key_pair",
      "X-Api-Key-Id must be sent together with X-Api-Key-Secret.",
    );
  }
  if (keySecret) found.push(keySecret);

  const [secret] = found;
  if (found.some((other) => other !== secret)) {
    throw new ApiError(
      400,
      "invalid_request",
      "multiple_api_keys",
      "The request carries more than one API key. Send exactly one.",
    );
  }
  if (!secret) throw missing();
  return keyId ? { secret, claimedKeyId: keyId } : { secret };
}
