import { webhookEndpoints } from "@/lib/contract";
import { preflight, route } from "@/lib/route";
import { deleteWebhookEndpoint, retrieveWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const GET = route(webhookEndpoints.retrieve, ({ ctx, owner, params }) =>
  retrieveWebhookEndpoint(ctx, { owner, id: params.id }),
);

export const PATCH = route(webhookEndpoints.update, ({ ctx, owner, params, body }) =>
  updateWebhookEndpoint(ctx, { owner, id: params.id, changes: body }),
);

export const DELETE = route(webhookEndpoints.delete, ({ ctx, owner, params }) =>
  deleteWebhookEndpoint(ctx, { owner, id: params.id }),
);

export const OPTIONS = preflight(webhookEndpoints.retrieve, webhookEndpoints.update, webhookEndpoints.delete);
