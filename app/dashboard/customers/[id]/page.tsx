import type { Metadata } from "next";
import { CustomerDetail } from "@/components/payments/customer-detail";
import { PaymentsPage } from "@/components/payments/payments-page";
import { paymentKeys } from "@/components/payments/query-keys";
import { dashboardScope, findOrNotFound, prefetched } from "@/components/payments/server";
import { listMerchantEvents } from "@/lib/webhooks";
import { appContext } from "@/lib/keys/runtime";
import { retrieveMerchantCustomer } from "@/lib/payments";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Customer · Merchant Console" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { merchantId } = await dashboardScope();
  const { id } = await params;
  const customer = await findOrNotFound(() => retrieveMerchantCustomer(appContext, { merchantId, id }));
  const state = await prefetched([
    { key: paymentKeys.object(merchantId, "customers", id), load: async () => customer },
    {
      key: paymentKeys.events(merchantId, id),
      load: () => listMerchantEvents(appContext, { merchantId, query: { object: id, limit: 100 } }),
    },
  ]);
  return (
    <QueryBoundary state={state}>
      <PaymentsPage title="Customer" back={{ href: "/dashboard/customers", label: "Customers" }}>
        <CustomerDetail id={id} />
      </PaymentsPage>
    </QueryBoundary>
  );
}
