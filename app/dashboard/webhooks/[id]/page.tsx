import type { Metadata } from "next";
import { PaymentsPage } from "@/components/payments/payments-page";
import { dashboardScope, findOrNotFound, prefetched } from "@/components/payments/server";
import { WebhookEndpointDetail } from "@/components/webhooks/endpoint-detail";
import { webhookKeys } from "@/components/webhooks/query-keys";
import { appContext } from "@/lib/keys/runtime";
import { listMerchantWebhookDeliveries, retrieveMerchantWebhookEndpoint } from "@/lib/webhooks";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Webhook endpoint · Merchant Console" };

export default async function WebhookEndpointPage({ params }: PageProps<"/dashboard/webhooks/[id]">) {
  const { merchantId } = await dashboardScope();
  const { id } = await params;
  const endpoint = await findOrNotFound(() => retrieveMerchantWebhookEndpoint(appContext, { merchantId, id }));
  const state = await prefetched([
    { key: webhookKeys.endpoint(merchantId, id), load: async () => endpoint },
    {
      key: webhookKeys.deliveries(merchantId, id, undefined),
      load: () => listMerchantWebhookDeliveries(appContext, { merchantId, id, query: { limit: 100 } }),
    },
  ]);
  return (
    <QueryBoundary state={state}>
      <PaymentsPage title="Webhook endpoint" back={{ href: "/dashboard/webhooks", label: "Webhooks" }}>
        <WebhookEndpointDetail id={id} />
      </PaymentsPage>
    </QueryBoundary>
  );
}
