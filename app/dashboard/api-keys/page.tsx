import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ApiKeyPanel } from "@/components/api-keys/api-key-panel";
import { keyFilters, searchParamsFilter } from "@/components/api-keys/key-filters";
import { prefetchKeys } from "@/components/api-keys/prefetch-keys";
import { MODE_COOKIE, modeFromCookie } from "@/components/dashboard/preferences";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "API keys · Merchant Console" };

/** The first page of keys is read here, for the filters in the URL, and hydrated: the table is in the first HTML. */
export default async function ApiKeysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const mode = modeFromCookie((await cookies()).get(MODE_COOKIE)?.value);
  const state = await prefetchKeys(session.merchant.id, keyFilters(mode, searchParamsFilter(await searchParams)));
  return (
    <QueryBoundary state={state}>
      <section className="space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">API keys</h1>
          <p className="text-slate-600">
            Every key of this merchant. A key&apos;s secret is shown once, when it is created or rolled; afterwards only
            its prefix is shown.
          </p>
        </div>
        <ApiKeyPanel />
      </section>
    </QueryBoundary>
  );
}
