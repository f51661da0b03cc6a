import { dehydrate, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { createLoader, type SearchParams } from "nuqs/server";
import { LogsView } from "@/components/logs/logs-view";
import { listQueryOf, logSearchParams, requestLogKeys } from "@/components/logs/search-params";
import { MODE_COOKIE, modeFromCookie } from "@/components/dashboard/preferences";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { requestLogListQuerySchema } from "@/lib/contract";
import { appContext } from "@/lib/keys";
import { listRequestLogs } from "@/lib/request-log";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Logs · Merchant Console" };

const loadFilters = createLoader(logSearchParams);

/** The first page is read on the server, through the list operation's own domain function: no empty flash. */
export default async function LogsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const mode = modeFromCookie((await cookies()).get(MODE_COOKIE)?.value);
  const filters = await loadFilters(searchParams);
  const queryClient = new QueryClient();
  const query = requestLogListQuerySchema.safeParse(listQueryOf(filters, mode));
  if (query.success) {
    await queryClient.prefetchInfiniteQuery({
      queryKey: requestLogKeys.list(session.merchant.id, mode, filters),
      queryFn: () => listRequestLogs(appContext, { merchantId: session.merchant.id, query: query.data }),
      initialPageParam: "",
    });
  }

  return (
    <QueryBoundary state={dehydrate(queryClient)}>
      <section className="space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Logs</h1>
          <p className="text-slate-600">
            Every API request made with this merchant&apos;s keys, newest first: what was asked, what was answered
            (never a body), and what followed from it.
          </p>
        </div>
        <NuqsAdapter>
          <LogsView />
        </NuqsAdapter>
      </section>
    </QueryBoundary>
  );
}
