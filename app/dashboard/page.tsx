import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { MODE_COOKIE, modeFromCookie } from "@/components/dashboard/preferences";
import { listApplications } from "@/lib/applications";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { appContext } from "@/lib/keys/runtime";
import { countActiveKeys } from "@/lib/keys/lifecycle";

export default async function DashboardHome() {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const mode = modeFromCookie((await cookies()).get(MODE_COOKIE)?.value);
  const [applications, activeKeys] = await Promise.all([
    listApplications(appContext, { merchantId: session.merchant.id, query: { page: 1, limit: 1 } }),
    countActiveKeys(appContext, { merchantId: session.merchant.id, mode }),
  ]);

  return (
    <section className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{session.merchant.name}</h1>
        <p className="text-slate-600">
          You are {session.role === "owner" || session.role === "admin" ? "an" : "a"} {session.role} of this merchant
          {session.canManage ? "." : ": you can see everything, and an owner or admin makes the changes."}
        </p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2">
        <li className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-3xl font-semibold">{applications.totalItems}</p>
          <p className="text-slate-600">applications</p>
          <Link href="/dashboard/applications" className="mt-2 inline-block text-sm underline">
            Manage applications
          </Link>
        </li>
        <li className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-3xl font-semibold">{activeKeys}</p>
          <p className="text-slate-600">active {mode} API keys</p>
          <Link href="/dashboard/api-keys" className="mt-2 inline-block text-sm underline">
            Manage API keys
          </Link>
        </li>
      </ul>
    </section>
  );
}
