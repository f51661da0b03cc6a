import { dehydrate, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { eventDetailKey } from "@/components/events/event-filters";
import { EventDetail } from "@/components/events/event-detail";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { ApiError } from "@/lib/http/errors";
import { appContext } from "@/lib/keys/runtime";
import { retrieveMerchantEvent } from "@/lib/webhooks";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Event · Merchant Console" };

/** Read through lib/ (another merchant's event is a 404 page), then handed to react-query. */
async function loadEvent(merchantId: string, id: string) {
  try {
    return await retrieveMerchantEvent(appContext, { merchantId, id });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function EventPage({ params }: PageProps<"/dashboard/events/[id]">) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const { id } = await params;
  const queryClient = new QueryClient();
  queryClient.setQueryData(eventDetailKey(session.merchant.id, id), await loadEvent(session.merchant.id, id));
  return (
    <QueryBoundary state={dehydrate(queryClient)}>
      <EventDetail id={id} />
    </QueryBoundary>
  );
}
