import { merchantWebhookEndpoints } from "@/lib/contract";
import { createMerchantWebhookEndpoint, listMerchantWebhookEndpoints } from "@/lib/webhooks";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantWebhookEndpoints.list, ({ ctx, merchant, query }) =>
  listMerchantWebhookEndpoints(ctx, { merchantId: merchant.id, query }),
);

export const POST = route(merchantWebhookEndpoints.create, async ({ ctx, merchant, body, audit }) => {
  const endpoint = await createMerchantWebhookEndpoint(ctx, { merchantId: merchant.id, endpoint: body });
  await audit(
    "webhook_endpoint.created",
    { type: "webhook_endpoint", id: endpoint.id },
    { livemode: endpoint.livemode },
  );
  return endpoint;
});
