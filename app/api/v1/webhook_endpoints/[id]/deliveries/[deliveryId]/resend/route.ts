import { webhookEndpoints } from "@/lib/contract";
import { preflight, route } from "@/lib/route";
import { resendWebhookDelivery } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const POST = route(webhookEndpoints.resend, ({ ctx, owner, params }) =>
  resendWebhookDelivery(ctx, { owner, id: params.id, deliveryId: params.deliveryId }),
);

export const OPTIONS = preflight(webhookEndpoints.resend);
