import { randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { Db } from "../db";
import { ApiError } from "../http/errors";
import { authSecret } from "../secrets";

/** Auth.js's database-session cookie (the `__Secure-` form is used over HTTPS). */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
export const MERCHANT_COOKIE = "mc_merchant";
const SESSION_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export function readCookie(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

export interface SignedInUser {
  id: string;
  name: string | null;
  email: string | null;
  image: string | null;
  githubLogin: string | null;
}

/** The user of a live database session, from the session cookie; null when signed out or expired. */
export async function userFromSessionCookie(db: Db, headers: Headers, now = new Date()): Promise<SignedInUser | null> {
  for (const name of SESSION_COOKIES) {
    const token = readCookie(headers, name);
    if (!token) continue;
    const session = await db.session.findUnique({ where: { sessionToken: token }, include: { user: true } });
    if (session && session.expires > now) {
      const { id, name: userName, email, image, githubLogin } = session.user;
      return { id, name: userName, email, image, githubLogin };
    }
  }
  return null;
}

/** Creates a database session like Auth.js does (used by the demo sign-in). */
export async function createSession(db: Db, userId: string): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_MS);
  await db.session.create({ data: { sessionToken: token, userId, expires } });
  return { token, expires };
}

// ---------- Management tokens: short-lived JWTs, listed and revocable through their row ----------

const ISSUER = "merchant-console";
const AUDIENCE = "management-api";

function signingKey(): Uint8Array {
  const secret = authSecret();
  if (!secret) throw new ApiError(500, "api_error", "auth_not_configured", "AUTH_SECRET is not set on the server.");
  return new TextEncoder().encode(secret);
}

export function signManagementToken(claims: {
  id: string;
  userId: string;
  merchantId: string;
  expiresAt: Date;
}): Promise<string> {
  return new SignJWT({ mer: claims.merchantId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.userId)
    .setJti(claims.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .sign(signingKey());
}

const invalidToken = () =>
  new ApiError(
    401,
    "authentication",
    "invalid_management_token",
    "The management token is invalid, expired or revoked.",
  );

/** Verifies signature and expiry, then that the token's row still exists and is not revoked. */
export async function verifyManagementToken(db: Db, token: string, now = new Date()) {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, signingKey(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] }));
  } catch {
    throw invalidToken();
  }
  if (typeof payload.jti !== "string") throw invalidToken();
  const row = await db.managementToken.findUnique({ where: { id: payload.jti } });
  if (!row || row.revokedAt || row.expiresAt <= now || row.userId !== payload.sub || row.merchantId !== payload.mer)
    throw invalidToken();
  await db.managementToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return row;
}
