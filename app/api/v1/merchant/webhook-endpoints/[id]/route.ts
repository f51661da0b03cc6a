import { merchantWebhookEndpoints } from "@/lib/contract";
import {
  deleteMerchantWebhookEndpoint,
  retrieveMerchantWebhookEndpoint,
  updateMerchantWebhookEndpoint,
} from "@/lib/webhooks";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantWebhookEndpoints.retrieve, ({ ctx, merchant, params }) =>
  retrieveMerchantWebhookEndpoint(ctx, { merchantId: merchant.id, id: params.id }),
);

export const PATCH = route(merchantWebhookEndpoints.update, async ({ ctx, merchant, params, body, audit }) => {
  const endpoint = await updateMerchantWebhookEndpoint(ctx, { merchantId: merchant.id, id: params.id, changes: body });
  await audit(
    "webhook_endpoint.updated",
    { type: "webhook_endpoint", id: endpoint.id },
    { livemode: endpoint.livemode },
  );
  return endpoint;
});

export const DELETE = route(merchantWebhookEndpoints.delete, async ({ ctx, merchant, params, audit }) => {
  const deleted = await deleteMerchantWebhookEndpoint(ctx, { merchantId: merchant.id, id: params.id });
  await audit("webhook_endpoint.deleted", { type: "webhook_endpoint", id: deleted.id });
  return deleted;
});
