import { merchantWebhookEndpoints } from "@/lib/contract";
import { resendMerchantWebhookDelivery } from "@/lib/webhooks";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(merchantWebhookEndpoints.resend, async ({ ctx, merchant, params, audit }) => {
  const delivery = await resendMerchantWebhookDelivery(ctx, {
    merchantId: merchant.id,
    id: params.id,
    deliveryId: params.deliveryId,
  });
  await audit(
    "webhook_delivery.resent",
    { type: "webhook_delivery", id: delivery.id },
    { endpoint: delivery.endpoint },
  );
  return delivery;
});
