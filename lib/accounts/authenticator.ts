import type { Db } from "../db";
import type { Permission, Role } from "../contract/roles";
import { hasPermission } from "../contract/roles";
import { ApiError } from "../http/errors";
import type { Authenticator } from "../http/pipeline";
import { recordAudit } from "./audit";
import { isSameOrigin } from "./csrf";
import {
  MERCHANT_COOKIE,
  readCookie,
  userFromSessionCookie,
  verifyManagementToken,
  type SignedInUser,
} from "./session";

/** A dashboard session or a management token, as the request pipeline hands it to a handler. */
export interface SessionPrincipal {
  user: SignedInUser;
  merchant: { id: string; name: string; plan: string; keyLimit: number | null };
  role: Role;
  /** How the caller authenticated: the dashboard's session cookie, or a management token. */
  via: "session" | "token";
  /** Records an AuditEvent for this caller (action, target, IP, user agent). */
  audit(
    action: string,
    target: { type: string; id: string },
    metadata?: Record<string, string | number | boolean | null>,
  ): Promise<void>;
}

const notSignedIn = () =>
  new ApiError(
    401,
    "authentication",
    "not_signed_in",
    "Sign in to the dashboard, or send a management token as 'Authorization: Bearer <token>'.",
  );

async function identify(db: Db, request: Request, sessionOnly: boolean) {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] ?? "";
    if (token.split(".").length !== 3) {
      // Not a JWT: most likely an API key, which must never manage keys.
      throw new ApiError(
        401,
        "authentication",
        "api_key_not_allowed",
        "API keys cannot be used on management routes. Use the dashboard or a management token.",
      );
    }
    if (sessionOnly)
      throw new ApiError(
        401,
        "authentication",
        "session_required",
        "This route is only available to a signed-in dashboard session.",
      );
    const row = await verifyManagementToken(db, token);
    const user = await db.user.findUnique({ where: { id: row.userId } });
    if (!user) throw notSignedIn();
    return { user, merchantId: row.merchantId, via: "token" as const, tokenId: row.id };
  }
  const user = await userFromSessionCookie(db, request.headers);
  if (!user) throw notSignedIn();
  // Cookie-authenticated mutations must come from the app's own pages (CSRF).
  if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request)) {
    throw new ApiError(
      403,
      "permission",
      "cross_origin_request",
      "This request did not come from the dashboard (its Origin is not this app's, or Sec-Fetch-Site is not same-origin), so it was refused.",
    );
  }
  const chosen = request.headers.get("x-merchant-id") ?? readCookie(request.headers, MERCHANT_COOKIE);
  return { user, merchantId: chosen ?? null, via: "session" as const, tokenId: null };
}

/**
 * The dashboard and the management API: a session cookie or a management token, the caller's membership in the
 * current merchant, and the operation's permission.
 */
export function sessionAuthenticator(
  access: { permission: Permission | null; sessionOnly: boolean },
  db: Db,
): Authenticator<SessionPrincipal> {
  return {
    async authenticate(request) {
      const { user, merchantId, via, tokenId } = await identify(db, request, access.sessionOnly);
      const memberships = await db.membership.findMany({
        where: { userId: user.id },
        include: { merchant: true },
        orderBy: { createdAt: "asc" },
      });
      // A stale merchant cookie falls back to the first merchant; a token is bound to its own merchant.
      const membership =
        memberships.find((m) => m.merchantId === merchantId) ?? (via === "session" ? memberships[0] : undefined);
      if (!membership) throw new ApiError(403, "permission", "not_a_member", "You are not a member of this merchant.");
      if (access.permission && !hasPermission(membership.role, access.permission)) {
        throw new ApiError(
          403,
          "permission",
          "missing_permission",
          `This action needs the '${access.permission}' permission, which your role (${membership.role}) does not have.`,
        );
      }
      const { id, name, plan, keyLimit } = membership.merchant;
      const merchant = { id, name, plan, keyLimit };
      const { githubLogin, email, image } = user;
      return {
        principal: {
          user: { id: user.id, name: user.name, email, image, githubLogin },
          merchant,
          role: membership.role as Role,
          via,
          audit: (action, target, metadata) =>
            recordAudit(db, {
              request,
              actor: { merchantId: merchant.id, userId: user.id, tokenId },
              action,
              target,
              metadata,
            }),
        },
      };
    },
  };
}
