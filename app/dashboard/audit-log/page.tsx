import { dehydrate, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { redirect } from "next/navigation";
import { AuditLog } from "@/components/audit/audit-log";
import { auditEventsKey, auditQuery, loadAuditFilters } from "@/components/audit/audit-filters";
import { listAuditEvents } from "@/lib/accounts/audit";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { auditEventListQuerySchema } from "@/lib/contract";
import { appContext } from "@/lib/keys/runtime";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Audit log · Merchant Console" };

export default async function AuditLogPage({ searchParams }: PageProps<"/dashboard/audit-log">) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const filters = loadAuditFilters(await searchParams);
  const queryClient = new QueryClient();
  // The first page comes with the HTML; a query the API would refuse is left to the browser, which shows its error.
  await queryClient.prefetchInfiniteQuery({
    queryKey: auditEventsKey(session.merchant.id, filters),
    queryFn: () =>
      listAuditEvents(appContext, {
        merchantId: session.merchant.id,
        query: auditEventListQuerySchema.parse(auditQuery(filters)),
      }),
    initialPageParam: undefined as string | undefined,
  });
  return (
    <QueryBoundary state={dehydrate(queryClient)}>
      <section className="space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Audit log</h1>
          <p className="text-slate-600">
            Who changed what in this merchant, from the dashboard or with a management token, newest first.
          </p>
        </div>
        {/* Its filters live in the URL (nuqs); only the pages that use nuqs load its adapter. */}
        <NuqsAdapter>
          <AuditLog />
        </NuqsAdapter>
      </section>
    </QueryBoundary>
  );
}
