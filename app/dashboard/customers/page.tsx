import type { Metadata } from "next";
import { createLoader, type SearchParams } from "nuqs/server";
import { filterParsers, listQueryOf } from "@/components/payments/filters";
import { CustomerList } from "@/components/payments/customer-list";
import { NewCustomerButton } from "@/components/payments/new-customer-dialog";
import { PaymentsPage } from "@/components/payments/payments-page";
import { paymentKeys } from "@/components/payments/query-keys";
import { dashboardScope, prefetched } from "@/components/payments/server";
import { merchantCustomerListQuerySchema } from "@/lib/contract";
import { appContext } from "@/lib/keys/runtime";
import { listMerchantCustomers } from "@/lib/payments";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Customers · Merchant Console" };

const loadFilters = createLoader(filterParsers["customers"]);

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { merchantId, mode } = await dashboardScope();
  const query = listQueryOf(loadFilters(await searchParams), mode);
  const state = await prefetched([
    {
      key: paymentKeys.list(merchantId, "customers", query),
      load: () =>
        listMerchantCustomers(appContext, { merchantId, query: merchantCustomerListQuerySchema.parse(query) }),
    },
  ]);
  return (
    <QueryBoundary state={state}>
      <PaymentsPage
        actions={<NewCustomerButton />}
        title="Customers"
        description="Who pays: the customers your backend or your team created, with their checkout sessions."
      >
        <CustomerList />
      </PaymentsPage>
    </QueryBoundary>
  );
}
