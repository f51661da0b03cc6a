import { config } from "../config";
import type { Access, OperationSpec } from "../contract/operation";
import { db } from "../db";
import { pipeline, type Authenticator, type Handler, type RouteHandler } from "../http/pipeline";
export { preflight } from "../http/cors";
export { withChanges, withId, withQuery } from "./handlers";
import { publicAuthenticator, type PublicPrincipal } from "../http/public-authenticator";
import { apiKeyAuthenticator } from "../keys/authenticator";
import type { ApiKeyPrincipal } from "../keys/cache";
import { appContext, authRuntime } from "../keys/runtime";
import { sessionAuthenticator, type SessionPrincipal } from "../accounts/authenticator";

/** The principal an operation's handler receives, from the kind of caller the contract allows. */
export type PrincipalOf<A extends Access> = A extends { kind: "apiKey" }
  ? ApiKeyPrincipal
  : A extends { kind: "session" }
    ? SessionPrincipal
    : PublicPrincipal;

const options = { context: () => appContext, checkResponses: config.NODE_ENV !== "production" };

const publicLimits = {
  limiter: () => authRuntime.rateLimiter,
  perWindow: () => config.UNCLAIMED_KEYS_PER_IP_PER_HOUR,
};

function authenticatorFor(auth: Access): Authenticator<unknown> {
  switch (auth.kind) {
    case "apiKey":
      return apiKeyAuthenticator(auth.scope, authRuntime);
    case "session":
      return sessionAuthenticator(auth, db);
    case "public":
      return publicAuthenticator(auth.ipLimit, publicLimits);
  }
}

/**
 * Serves one operation of the contract: `export const POST = route(paymentLinks.create, ({ owner, body, ctx }) => …)`.
 * The caller is authenticated as the operation's `auth` says, and the handler gets typed, parsed input.
 */
export function route<Op extends OperationSpec>(
  op: Op,
  handler: Handler<Op, PrincipalOf<Op["auth"]>>,
): RouteHandler<Op> {
  const authenticator = authenticatorFor(op.auth) as Authenticator<PrincipalOf<Op["auth"]>>;
  return pipeline(op, authenticator, handler, options);
}
