import { webhookEndpoints } from "@/lib/contract";
import { preflight, route, withQuery } from "@/lib/route";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const GET = route(webhookEndpoints.list, withQuery(listWebhookEndpoints));

// The response is the only place the signing secret is ever shown.
export const POST = route(webhookEndpoints.create, ({ ctx, owner, body }) =>
  createWebhookEndpoint(ctx, { owner, endpoint: body }),
);

export const OPTIONS = preflight(webhookEndpoints.list, webhookEndpoints.create);
