import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import GitHub from "next-auth/providers/github";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { config } from "../config";
import { db } from "../db";
import { onboardUser } from "./merchants";
import { authSecret } from "../secrets";

interface GitHubProfile {
  id: number | string;
  login: string;
  name?: string | null;
  email?: string | null;
  avatar_url?: string | null;
}

/**
 * Auth.js with GitHub and database sessions: signing out deletes the session row, so a copied cookie stops
 * working too (a JWT session would stay valid until it expired). GITHUB_BASE_URL points every GitHub call at
 * another host: GitHub Enterprise, or the fake GitHub the end-to-end tests run.
 */
const nextAuth = NextAuth({
  // Our generated client has the adapter's models; only its nominal type differs from @prisma/client's.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  session: { strategy: "database" },
  secret: authSecret(),
  trustHost: true,
  providers: [
    GitHub({
      clientId: config.AUTH_GITHUB_ID,
      clientSecret: config.AUTH_GITHUB_SECRET,
      ...(config.GITHUB_BASE_URL ? { enterprise: { baseUrl: config.GITHUB_BASE_URL } } : {}),
      profile(profile: GitHubProfile) {
        return {
          id: String(profile.id),
          name: profile.name ?? profile.login,
          email: profile.email ?? null,
          image: profile.avatar_url ?? null,
          githubLogin: profile.login.toLowerCase(),
        };
      },
    }),
  ],
  pages: { signIn: "/" },
  events: {
    async signIn({ user, profile }) {
      if (!user.id) return;
      const login = typeof profile?.login === "string" ? profile.login.toLowerCase() : null;
      const row = await db.user.update({ where: { id: user.id }, data: login ? { githubLogin: login } : {} });
      await onboardUser(db, row);
    },
  },
});

export const { auth, signIn, signOut } = nextAuth;

/** What Auth.js can redirect to after signing in: a path of this app, or an http(s) URL (it keeps only its own). */
function isUsableCallbackUrl(value: string, base: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value, base).protocol);
  } catch {
    return false;
  }
}

/**
 * Auth.js answers a `callbackUrl` that is no http(s) URL (`javascript:…`) with a 500. Such a value is dropped
 * before it gets there, so the request goes on as if none was given: to the sign-in page, then home.
 */
async function withUsableCallbackUrl(request: NextRequest): Promise<NextRequest> {
  const url = new URL(request.url);
  const query = url.searchParams.get("callbackUrl");
  let changed = false;
  if (query !== null && !isUsableCallbackUrl(query, url.origin)) {
    url.searchParams.delete("callbackUrl");
    changed = true;
  }
  let body: string | undefined;
  if (
    request.method === "POST" &&
    request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")
  ) {
    const form = new URLSearchParams(await request.clone().text());
    const posted = form.get("callbackUrl");
    if (posted !== null && !isUsableCallbackUrl(posted, url.origin)) {
      form.delete("callbackUrl");
      changed = true;
    }
    body = form.toString();
  }
  if (!changed) return request;
  return new NextRequest(url, { method: request.method, headers: request.headers, body });
}

/** Auth.js's own routes (sign-in, callback, sign-out), served by app/api/auth/[...nextauth]. */
export const authRoutes = {
  GET: async (request: NextRequest) => nextAuth.handlers.GET(await withUsableCallbackUrl(request)),
  POST: async (request: NextRequest) => nextAuth.handlers.POST(await withUsableCallbackUrl(request)),
};
