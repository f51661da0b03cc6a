import type { Metadata } from "next";
import { CheckoutSessionDetail } from "@/components/payments/checkout-session-detail";
import { PaymentsPage } from "@/components/payments/payments-page";
import { paymentKeys } from "@/components/payments/query-keys";
import { dashboardScope, findOrNotFound, prefetched } from "@/components/payments/server";
import { listMerchantEvents } from "@/lib/webhooks";
import { appContext } from "@/lib/keys/runtime";
import { retrieveMerchantCheckoutSession } from "@/lib/payments";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Checkout session · Merchant Console" };

export default async function CheckoutSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { merchantId } = await dashboardScope();
  const { id } = await params;
  const session = await findOrNotFound(() => retrieveMerchantCheckoutSession(appContext, { merchantId, id }));
  const state = await prefetched([
    { key: paymentKeys.object(merchantId, "checkout-sessions", id), load: async () => session },
    {
      key: paymentKeys.events(merchantId, id),
      load: () => listMerchantEvents(appContext, { merchantId, query: { object: id, limit: 100 } }),
    },
  ]);
  return (
    <QueryBoundary state={state}>
      <PaymentsPage
        title="Checkout session"
        back={{ href: "/dashboard/checkout-sessions", label: "Checkout sessions" }}
      >
        <CheckoutSessionDetail id={id} />
      </PaymentsPage>
    </QueryBoundary>
  );
}
