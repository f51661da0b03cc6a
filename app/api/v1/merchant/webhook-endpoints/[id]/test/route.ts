import { merchantWebhookEndpoints } from "@/lib/contract";
import { sendMerchantTestWebhook } from "@/lib/webhooks";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(merchantWebhookEndpoints.test, async ({ ctx, merchant, params, audit }) => {
  const result = await sendMerchantTestWebhook(ctx, { merchantId: merchant.id, id: params.id });
  await audit("webhook_endpoint.tested", { type: "webhook_endpoint", id: result.endpoint });
  return result;
});
