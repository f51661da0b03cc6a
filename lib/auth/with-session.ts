import { db } from "../db";
import { ApiError } from "../api/errors";
import { readRequestBody } from "../api/body";
import { newRequestId } from "../api/request-id";
import { errorResponse, toApiError } from "../api/respond";
import { recordAudit } from "../audit";
import { isSameOrigin } from "./csrf";
import { hasPermission, type Permission, type Role } from "./permissions";
import {
  MERCHANT_COOKIE,
  readCookie,
  userFromSessionCookie,
  verifyManagementToken,
  type SignedInUser,
} from "./session";

export interface SessionContext<Params> {
  request: Request;
  requestId: string;
  user: SignedInUser;
  merchant: { id: string; name: string; plan: string; keyLimit: number | null };
  role: Role;
  /** How the caller authenticated: the dashboard's session cookie, or a management token. */
  via: "session" | "token";
  params: Params;
  body: unknown;
  query: URLSearchParams;
  /** Records an AuditEvent for this caller (action, target, IP, user agent). */
  audit(
    action: string,
    target: { type: string; id: string },
    metadata?: Record<string, string | number | boolean | null>,
  ): Promise<void>;
}

type RouteContext<Params> = { params: Promise<Params> };

const notSignedIn = () =>
  new ApiError(
    401,
    "authentication",
    "not_signed_in",
    "Sign in to the dashboard, or send a management token as 'Authorization: Bearer <token>'.",
  );

async function authenticate(request: Request, sessionOnly: boolean) {
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
    return { user, merchantId: row.merchantId, via: "token" as const };
  }
  const user = await userFromSessionCookie(db, request.headers);
  if (!user) throw notSignedIn();
  // Cookie-authenticated mutations must come from the app's own pages (CSRF).
  if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request)) {
    throw new ApiError(
      403,
      "permission",
      "cross_origin_request",
      "This request did not come from the dashboard (Origin mismatch), so it was refused.",
    );
  }
  const chosen = request.headers.get("x-merchant-id") ?? readCookie(request.headers, MERCHANT_COOKIE);
  return { user, merchantId: chosen ?? null, via: "session" as const };
}

/**
 * The route wrapper for the dashboard and the management API: a session cookie or a management token, the
 * caller's membership in the current merchant, and a permission check; errors in the one envelope.
 */
export function withSession<Params = Record<string, never>>(
  options: { permission?: Permission; sessionOnly?: boolean },
  handler: (context: SessionContext<Params>) => Promise<Response>,
) {
  return async (request: Request, routeContext: RouteContext<Params>): Promise<Response> => {
    const requestId = newRequestId();
    let response: Response;
    try {
      const url = new URL(request.url);
      const { user, merchantId, via } = await authenticate(request, options.sessionOnly ?? false);
      const memberships = await db.membership.findMany({
        where: { userId: user.id },
        include: { merchant: true },
        orderBy: { createdAt: "asc" },
      });
      // A stale merchant cookie falls back to the first merchant; a token is bound to its own merchant.
      const membership =
        memberships.find((m) => m.merchantId === merchantId) ?? (via === "session" ? memberships[0] : undefined);
      if (!membership) throw new ApiError(403, "permission", "not_a_member", "You are not a member of this merchant.");
      if (options.permission && !hasPermission(membership.role, options.permission)) {
        throw new ApiError(
          403,
          "permission",
          "missing_permission",
          `This action needs the '${options.permission}' permission, which your role (${membership.role}) does not have.`,
        );
      }
      const { body } = await readRequestBody(request);
      const { id, name, plan, keyLimit } = membership.merchant;
      const merchant = { id, name, plan, keyLimit };
      response = await handler({
        request,
        requestId,
        user: { id: user.id, name: user.name, email: user.email, image: user.image, githubLogin: user.githubLogin },
        merchant,
        role: membership.role as Role,
        via,
        params: await routeContext.params,
        body,
        query: url.searchParams,
        audit: (action, target, metadata) =>
          recordAudit(db, request, { merchantId: merchant.id, userId: user.id }, action, target, metadata),
      });
    } catch (error) {
      response = errorResponse(toApiError(error, requestId), requestId);
    }
    response.headers.set("X-Request-Id", requestId);
    return response;
  };
}
