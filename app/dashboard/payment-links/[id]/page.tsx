import type { Metadata } from "next";
import { PaymentLinkDetail } from "@/components/payments/payment-link-detail";
import { PaymentsPage } from "@/components/payments/payments-page";
import { paymentKeys } from "@/components/payments/query-keys";
import { dashboardScope, findOrNotFound, prefetched } from "@/components/payments/server";
import { listMerchantEvents } from "@/lib/webhooks";
import { appContext } from "@/lib/keys/runtime";
import { retrieveMerchantPaymentLink } from "@/lib/payments";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Payment link · Merchant Console" };

export default async function PaymentLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { merchantId } = await dashboardScope();
  const { id } = await params;
  const link = await findOrNotFound(() => retrieveMerchantPaymentLink(appContext, { merchantId, id }));
  const state = await prefetched([
    { key: paymentKeys.object(merchantId, "payment-links", id), load: async () => link },
    {
      key: paymentKeys.events(merchantId, id),
      load: () => listMerchantEvents(appContext, { merchantId, query: { object: id, limit: 100 } }),
    },
  ]);
  return (
    <QueryBoundary state={state}>
      <PaymentsPage title="Payment link" back={{ href: "/dashboard/payment-links", label: "Payment links" }}>
        <PaymentLinkDetail id={id} />
      </PaymentsPage>
    </QueryBoundary>
  );
}
