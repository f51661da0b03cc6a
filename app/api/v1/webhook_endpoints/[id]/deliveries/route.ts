import { webhookEndpoints } from "@/lib/contract";
import { preflight, route } from "@/lib/route";
import { listWebhookDeliveries } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const GET = route(webhookEndpoints.deliveries, ({ ctx, owner, params, query }) =>
  listWebhookDeliveries(ctx, { owner, endpointId: params.id, query }),
);

export const OPTIONS = preflight(webhookEndpoints.deliveries);
