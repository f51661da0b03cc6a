import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { GettingStarted } from "@/components/dashboard/getting-started";
import { CHECKLIST_COOKIE, MODE_COOKIE, dismissedChecklists, modeFromCookie } from "@/components/dashboard/preferences";
import { getDashboardSession, pageOrigin } from "@/lib/accounts/dashboard";
import { UsageChart } from "@/components/usage/usage-chart";
import { merchantOverview } from "@/lib/applications";
import { appContext } from "@/lib/keys/runtime";

export const metadata: Metadata = { title: "Home · Merchant Console" };

export default async function DashboardHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const jar = await cookies();
  const mode = modeFromCookie(jar.get(MODE_COOKIE)?.value);
  const overview = await merchantOverview(appContext, { merchantId: session.merchant.id, mode });
  const checklistDismissed = dismissedChecklists(jar.get(CHECKLIST_COOKIE)?.value).includes(session.merchant.id);

  return (
    <section className="space-y-6">
      <div className="space-y-1">
        <h1 className="truncate text-2xl font-semibold" title={session.merchant.name}>
          {session.merchant.name}
        </h1>
        <p className="text-slate-600">
          You are {session.role === "owner" || session.role === "admin" ? "an" : "a"} {session.role} of this merchant
          {session.canManage ? "." : ": you can see everything, and an owner or admin makes the changes."}
        </p>
      </div>
      {!checklistDismissed && (
        <GettingStarted
          progress={{
            hasApplication: overview.applications > 0,
            hasKey: overview.keys > 0,
            lastRequestAt: overview.lastRequestAt,
            origin: await pageOrigin(),
          }}
        />
      )}
      <ul className="grid gap-4 sm:grid-cols-2">
        <li className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-3xl font-semibold">{overview.applications}</p>
          <p className="text-slate-600">applications</p>
          <Link href="/dashboard/applications" className="mt-2 inline-block text-sm underline">
            Manage applications
          </Link>
        </li>
        <li className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-3xl font-semibold">{overview.activeKeysInMode}</p>
          <p className="text-slate-600">active {mode} API keys</p>
          <Link href="/dashboard/api-keys" className="mt-2 inline-block text-sm underline">
            Manage API keys
          </Link>
        </li>
      </ul>
      <UsageChart
        merchantId={session.merchant.id}
        mode={mode}
        path="/dashboard"
        search={await searchParams}
        title={`API usage (${mode})`}
      />
    </section>
  );
}
