import type { Metadata } from "next";
import { PaymentsPage } from "@/components/payments/payments-page";
import { dashboardScope, prefetched } from "@/components/payments/server";
import { WebhookEndpointList } from "@/components/webhooks/endpoint-list";
import { NewWebhookEndpointButton } from "@/components/webhooks/new-endpoint-dialog";
import { webhookKeys } from "@/components/webhooks/query-keys";
import { appContext } from "@/lib/keys/runtime";
import { listMerchantWebhookEndpoints } from "@/lib/webhooks";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Webhooks · Merchant Console" };

export default async function Webhooks() {
  const { merchantId, mode } = await dashboardScope();
  const state = await prefetched([
    {
      key: webhookKeys.list(merchantId, mode),
      load: () => listMerchantWebhookEndpoints(appContext, { merchantId, query: { mode, limit: 100 } }),
    },
  ]);
  return (
    <QueryBoundary state={state}>
      <PaymentsPage
        title="Webhooks"
        description={`The URLs this merchant's ${mode} events are sent to, signed, and each one's deliveries.`}
        actions={<NewWebhookEndpointButton />}
      >
        <WebhookEndpointList />
      </PaymentsPage>
    </QueryBoundary>
  );
}
