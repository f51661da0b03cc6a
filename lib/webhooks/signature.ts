import { createHmac } from "node:crypto";

/**
 * `Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, one `v1=` per secret in
 * the order given (during a rotation's overlap: the new secret's first, then the previous one's), as Svix does;
 * verify with lib/sdk's verifyWebhookSignature, which accepts the header when any `v1=` matches.
 */
export function signWebhookPayload(
  secret: string | readonly string[],
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  const secrets = typeof secret === "string" ? [secret] : secret;
  const signatures = secrets.map(
    (each) => `v1=${createHmac("sha256", each).update(`${timestamp}.${body}`).digest("hex")}`,
  );
  return [`t=${timestamp}`, ...signatures].join(",");
}

/** The secrets an endpoint signs with now: its secret, and the previous one until its overlap ends. */
export function signingSecrets(
  endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  now: Date,
): string[] {
  const overlapping =
    endpoint.previousSecret !== null &&
    endpoint.previousSecretExpiresAt !== null &&
    endpoint.previousSecretExpiresAt.getTime() > now.getTime();
  return overlapping && endpoint.previousSecret ? [endpoint.secret, endpoint.previousSecret] : [endpoint.secret];
}
