import { dehydrate, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { MODE_COOKIE, modeFromCookie } from "@/components/dashboard/preferences";
import { eventListKey, eventQuery, loadEventFilters } from "@/components/events/event-filters";
import { EventsPage } from "@/components/events/events-page";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { merchantEventListQuerySchema } from "@/lib/contract";
import { appContext } from "@/lib/keys/runtime";
import { listMerchantEvents } from "@/lib/webhooks";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Events · Merchant Console" };

export default async function Events({ searchParams }: PageProps<"/dashboard/events">) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const mode = modeFromCookie((await cookies()).get(MODE_COOKIE)?.value);
  const filters = loadEventFilters(await searchParams);
  const queryClient = new QueryClient();
  await queryClient.prefetchInfiniteQuery({
    queryKey: eventListKey(session.merchant.id, mode, filters),
    queryFn: () =>
      listMerchantEvents(appContext, {
        merchantId: session.merchant.id,
        query: merchantEventListQuerySchema.parse(eventQuery(mode, filters)),
      }),
    initialPageParam: undefined as string | undefined,
  });
  return (
    <QueryBoundary state={dehydrate(queryClient)}>
      <section className="space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Events</h1>
          <p className="text-slate-600">
            What changed in this merchant&apos;s {mode} objects, newest first, and the webhook deliveries each queued.
          </p>
        </div>
        {/* Its filters live in the URL (nuqs); only the pages that use nuqs load its adapter. */}
        <NuqsAdapter>
          <EventsPage />
        </NuqsAdapter>
      </section>
    </QueryBoundary>
  );
}
