import { webhookEndpoints } from "@/lib/contract";
import { preflight, route } from "@/lib/route";
import { retryFailedWebhookDeliveries } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const POST = route(webhookEndpoints.retryFailed, ({ ctx, owner, params, body }) =>
  retryFailedWebhookDeliveries(ctx, { owner, id: params.id, retry: body }),
);

export const OPTIONS = preflight(webhookEndpoints.retryFailed);
