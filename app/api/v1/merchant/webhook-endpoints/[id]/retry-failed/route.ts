import { merchantWebhookEndpoints } from "@/lib/contract";
import { retryFailedMerchantWebhookDeliveries } from "@/lib/webhooks";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(merchantWebhookEndpoints.retryFailed, async ({ ctx, merchant, params, body, audit }) => {
  const result = await retryFailedMerchantWebhookDeliveries(ctx, {
    merchantId: merchant.id,
    id: params.id,
    retry: body,
  });
  await audit(
    "webhook_endpoint.retried_failed",
    { type: "webhook_endpoint", id: result.endpoint },
    { since: result.since, requeued: result.requeued },
  );
  return result;
});
