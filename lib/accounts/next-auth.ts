import NextAuth from "next-auth";
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
export const { handlers, auth, signIn, signOut } = NextAuth({
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
