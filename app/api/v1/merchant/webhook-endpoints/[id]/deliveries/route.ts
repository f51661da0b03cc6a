import { merchantWebhookEndpoints } from "@/lib/contract";
import { listMerchantWebhookDeliveries } from "@/lib/webhooks";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantWebhookEndpoints.deliveries, ({ ctx, merchant, params, query }) =>
  listMerchantWebhookDeliveries(ctx, { merchantId: merchant.id, id: params.id, query }),
);
