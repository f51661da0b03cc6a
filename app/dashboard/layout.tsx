import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { DashboardNav } from "@/components/dashboard/dashboard-nav";
import { HeaderMenu } from "@/components/dashboard/header-menu";
import { Logo } from "@/components/dashboard/logo";
import { MerchantSwitcher } from "@/components/dashboard/merchant-switcher";
import { ModeToggle } from "@/components/dashboard/mode-toggle";
import { MODE_COOKIE, modeFromCookie } from "@/components/dashboard/preferences";
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
        userId: session.user.id,
        mode,
        role: session.role,
        canManage: session.canManage,
        canManageMembers: session.canManageMembers,
      }}
    >
      <div className="min-h-screen">
        <header
          className={`relative border-t-4 border-b border-slate-200 bg-white ${mode === "live" ? "border-t-emerald-600" : "border-t-amber-500"}`}
        >
          <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-3 px-4 sm:px-6 xl:gap-5">
            <Link
              href="/dashboard"
              className="flex shrink-0 items-center gap-2 rounded font-semibold whitespace-nowrap focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
            >
              <Logo className="size-6" />
              Merchant Console
            </Link>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium xl:hidden ${mode === "live" ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-900"}`}
            >
              {mode === "live" ? "Live" : "Test"}
            </span>
            <HeaderMenu>
              <DashboardNav />
              <div
                className="flex flex-col gap-4 text-sm xl:ml-auto xl:flex-row xl:items-center xl:gap-3"
                data-testid="header-controls"
              >
                <Link
                  href="/docs/api"
                  // The reference is a large page: load it when asked for, not on every dashboard page.
                  prefetch={false}
                  className="rounded-md px-3 py-2 whitespace-nowrap text-slate-600 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none xl:px-2 xl:py-1"
                >
                  Docs
                </Link>
                <ModeToggle />
                <MerchantSwitcher merchants={session.merchants} currentId={session.merchant.id} />
                <UserMenu
                  name={session.user.name ?? session.user.email ?? "Account"}
                  email={session.user.email}
                  merchantName={session.merchant.name}
                  role={session.role}
                >
                  <form action={signOutAction}>
                    <button type="submit" className="block w-full rounded px-2 py-1 text-left hover:bg-slate-100">
                      Sign out
                    </button>
                  </form>
                </UserMenu>
              </div>
            </HeaderMenu>
          </div>
        </header>
        {mode === "test" && (
          <p className="hidden bg-amber-50 py-1 text-center text-xs text-amber-900 sm:block">
            Test mode: you are viewing test keys and test data.
          </p>
        )}
        <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
      </div>
      <Toaster />
    </DashboardProvider>
  );
}
