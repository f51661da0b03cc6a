import { webhookEndpoints } from "@/lib/contract";
import { preflight, route } from "@/lib/route";
import { rotateWebhookSecret } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const POST = route(webhookEndpoints.rotateSecret, ({ ctx, owner, params, body }) =>
  rotateWebhookSecret(ctx, { owner, id: params.id, rotation: body }),
);

export const OPTIONS = preflight(webhookEndpoints.rotateSecret);
