import { merchantWebhookEndpoints } from "@/lib/contract";
import { rotateMerchantWebhookSecret } from "@/lib/webhooks";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(merchantWebhookEndpoints.rotateSecret, async ({ ctx, merchant, params, body, audit }) => {
  const endpoint = await rotateMerchantWebhookSecret(ctx, { merchantId: merchant.id, id: params.id, rotation: body });
  await audit(
    "webhook_endpoint.secret_rotated",
    { type: "webhook_endpoint", id: endpoint.id },
    { livemode: endpoint.livemode, expires_in: body.expires_in },
  );
  return endpoint;
});
