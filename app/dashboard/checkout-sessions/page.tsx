import type { Metadata } from "next";
import { createLoader, type SearchParams } from "nuqs/server";
import { filterParsers, listQueryOf } from "@/components/payments/filters";
import { CheckoutSessionList } from "@/components/payments/checkout-session-list";
import { PaymentsPage } from "@/components/payments/payments-page";
import { paymentKeys } from "@/components/payments/query-keys";
import { dashboardScope, prefetched } from "@/components/payments/server";
import { merchantCheckoutSessionListQuerySchema } from "@/lib/contract";
import { appContext } from "@/lib/keys/runtime";
import { listMerchantCheckoutSessions } from "@/lib/payments";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Checkout sessions · Merchant Console" };

const loadFilters = createLoader(filterParsers["checkout-sessions"]);

export default async function CheckoutSessionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { merchantId, mode } = await dashboardScope();
  const query = listQueryOf(loadFilters(await searchParams), mode);
  const state = await prefetched([
    {
      key: paymentKeys.list(merchantId, "checkout-sessions", query),
      load: () =>
        listMerchantCheckoutSessions(appContext, {
          merchantId,
          query: merchantCheckoutSessionListQuerySchema.parse(query),
        }),
    },
  ]);
  return (
    <QueryBoundary state={state}>
      <PaymentsPage
        title="Checkout sessions"
        description="One buyer paying once: open for 24 hours, then complete or expired."
      >
        <CheckoutSessionList />
      </PaymentsPage>
    </QueryBoundary>
  );
}
