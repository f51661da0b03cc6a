import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { DashboardNav } from "@/components/dashboard/dashboard-nav";
import { MerchantSwitcher } from "@/components/dashboard/merchant-switcher";
import { ModeToggle } from "@/components/dashboard/mode-toggle";
import { MODE_COOKIE, modeFromCookie } from "@/components/dashboard/preferences";
import { QueryProvider } from "@/components/dashboard/query-provider";
import { UserMenu } from "@/components/dashboard/user-menu";
import { Toaster } from "@/components/ui/toaster";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { signOut } from "@/lib/accounts/next-auth";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const mode = modeFromCookie((await cookies()).get(MODE_COOKIE)?.value);

  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/" });
  }

  return (
    <DashboardProvider
      value={{
        merchantId: session.merchant.id,
        mode,
        role: session.role,
        canManage: session.canManage,
        canManageMembers: session.canManageMembers,
      }}
    >
      <QueryProvider>
        <div className="min-h-screen">
          <header
            className={`border-b border-slate-200 bg-white border-t-4 ${mode === "live" ? "border-t-emerald-600" : "border-t-amber-500"}`}
          >
            <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
              <Link href="/dashboard" className="font-semibold">
                Merchant Console
              </Link>
              <DashboardNav />
              <div className="ml-auto flex flex-wrap items-center gap-3 text-sm" data-testid="header-controls">
                <MerchantSwitcher merchants={session.merchants} currentId={session.merchant.id} />
                <span className="text-slate-600">
                  Role: <span data-testid="role">{session.role}</span>
                </span>
                <ModeToggle />
                <UserMenu
                  name={session.user.name ?? session.user.email ?? "Account"}
                  email={session.user.email}
                  merchantName={session.merchant.name}
                  role={session.role}
                />
                <form action={signOutAction}>
                  <button
                    type="submit"
                    className="rounded text-slate-600 underline hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
                  >
                    Sign out
                  </button>
                </form>
              </div>
            </div>
            {mode === "test" && (
              <p className="bg-amber-50 py-1 text-center text-xs text-amber-900">
                Test mode: you are viewing test keys and test data.
              </p>
            )}
          </header>
          <main className="mx-auto max-w-6xl px-6 py-8">
            <NuqsAdapter>{children}</NuqsAdapter>
          </main>
        </div>
        <Toaster />
      </QueryProvider>
    </DashboardProvider>
  );
}
