import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { isSameOrigin } from "@/lib/accounts/csrf";
import { createSession } from "@/lib/accounts/session";
import { onboardUser } from "@/lib/accounts/merchants";

export const dynamic = "force-dynamic";

const DEMO_USER = { email: "demo@merchant-console.local", name: "Demo Merchant", githubLogin: "demo" };

/**
 * Demo sign-in for the offline Quick start: exists only with DEMO_LOGIN=1 (404 otherwise), signs in one shared
 * demo user with a real database session, and sends them to the dashboard.
 */
export async function POST(request: Request) {
  if (!config.DEMO_LOGIN) return new Response(null, { status: 404 });
  if (!isSameOrigin(request)) return new Response(null, { status: 403 });
  const url = new URL(request.url);
  const user = await db.user.upsert({ where: { email: DEMO_USER.email }, create: DEMO_USER, update: {} });
  await onboardUser(db, user);
  const { token, expires } = await createSession(db, user.id);
  const secure = url.protocol === "https:";
  const cookie = `${secure ? "__Secure-" : ""}authjs.session-token=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expires.toUTCString()}${secure ? "; Secure" : ""}`;
  return new Response(null, { status: 303, headers: { Location: "/dashboard", "Set-Cookie": cookie } });
}

export function GET() {
  return new Response(null, { status: config.DEMO_LOGIN ? 405 : 404 });
}
