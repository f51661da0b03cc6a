import type { Metadata } from "next";
import { createLoader, type SearchParams } from "nuqs/server";
import { filterParsers, listQueryOf } from "@/components/payments/filters";
import { PaymentLinkList } from "@/components/payments/payment-link-list";
import { NewPaymentLinkButton } from "@/components/payments/new-payment-link-dialog";
import { PaymentsPage } from "@/components/payments/payments-page";
import { paymentKeys } from "@/components/payments/query-keys";
import { dashboardScope, prefetched } from "@/components/payments/server";
import { merchantPaymentLinkListQuerySchema } from "@/lib/contract";
import { appContext } from "@/lib/keys/runtime";
import { listMerchantPaymentLinks } from "@/lib/payments";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Payment links · Merchant Console" };

const loadFilters = createLoader(filterParsers["payment-links"]);

export default async function PaymentLinksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { merchantId, mode } = await dashboardScope();
  const query = listQueryOf(loadFilters(await searchParams), mode);
  const state = await prefetched([
    {
      key: paymentKeys.list(merchantId, "payment-links", query),
      load: () =>
        listMerchantPaymentLinks(appContext, { merchantId, query: merchantPaymentLinkListQuerySchema.parse(query) }),
    },
  ]);
  return (
    <QueryBoundary state={state}>
      <PaymentsPage
        actions={<NewPaymentLinkButton />}
        title="Payment links"
        description="A price buyers pay through checkout sessions. Amounts are shown in each currency's major units."
      >
        <PaymentLinkList />
      </PaymentsPage>
    </QueryBoundary>
  );
}
