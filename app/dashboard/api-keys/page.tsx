import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ApiKeyPanel } from "@/components/api-keys/api-key-panel";
import { keyFilters, searchParamsFilter } from "@/components/api-keys/key-filters";
import { readKeys } from "@/components/api-keys/read-keys";
import { MODE_COOKIE, modeFromCookie } from "@/components/dashboard/preferences";
import { getDashboardSession } from "@/lib/accounts/dashboard";

export const metadata: Metadata = { title: "API keys · Merchant Console" };

/** The page of keys for the filters in the URL, rendered on the server: the table is in the first HTML. */
export default async function ApiKeysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const mode = modeFromCookie((await cookies()).get(MODE_COOKIE)?.value);
  const params = searchParamsFilter(await searchParams);
  const { page, applications } = await readKeys(session.merchant.id, keyFilters(mode, params));
  return (
    <section className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">API keys</h1>
        <p className="text-slate-600">
          Every key of this merchant. A key&apos;s secret is shown once, when it is created or rolled; afterwards only
          its prefix is shown.
        </p>
      </div>
      <ApiKeyPanel page={page} params={params} applications={applications} mode={mode} canManage={session.canManage} />
    </section>
  );
}
