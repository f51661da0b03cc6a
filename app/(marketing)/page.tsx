import Link from "next/link";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { signIn } from "@/lib/accounts/next-auth";
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

export default async function LandingPage() {
  const session = await getDashboardSession();
  const demo = config.DEMO_LOGIN;
  const github = Boolean(config.AUTH_GITHUB_ID);

  async function signInWithGitHub() {
    "use server";
    await signIn("github", { redirectTo: "/dashboard" });
  }

  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-6 py-24">
      <h1 className="text-4xl font-semibold tracking-tight">Merchant Console</h1>
      <p className="text-lg text-slate-600">
        One place for your payment API keys: create applications, issue test and live keys with exactly the scopes your
        backend needs, roll and revoke them, and call the API at <code className="font-mono">/api/v1</code>.
      </p>
      {session ? (
        <div>
          <Link
            href="/dashboard"
            className="rounded-md bg-slate-900 px-4 py-2 text-white hover:bg-slate-700 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
          >
            Open the dashboard
          </Link>
        </div>
      ) : (
        <div className="flex flex-col items-start gap-4">
          {github ? (
            <form action={signInWithGitHub}>
              <button
                type="submit"
                className="rounded-md bg-slate-900 px-4 py-2 text-white hover:bg-slate-700 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
              >
                Sign in with GitHub
              </button>
            </form>
          ) : (
            <p className="text-sm text-slate-500">GitHub sign-in is not configured on this server (AUTH_GITHUB_ID).</p>
          )}
          {demo && (
            <form action="/api/demo-login" method="post" className="rounded-md border border-amber-300 bg-amber-50 p-4">
              <p className="mb-2 text-sm text-amber-900">
                <strong>Demo mode</strong>: this server runs with DEMO_LOGIN=1. Anyone can sign in as the shared demo
                merchant. Never enable it on a real deployment.
              </p>
              <button
                type="submit"
                className="rounded-md bg-amber-600 px-4 py-2 text-white hover:bg-amber-700 focus-visible:ring-2 focus-visible:ring-amber-500 focus-visible:outline-none"
              >
                Demo sign-in (no GitHub needed)
              </button>
            </form>
          )}
        </div>
      )}
    </main>
  );
}
