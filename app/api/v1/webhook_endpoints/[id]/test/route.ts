import { webhookEndpoints } from "@/lib/contract";
import { preflight, route } from "@/lib/route";
import { sendTestWebhook } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const POST = route(webhookEndpoints.test, ({ ctx, owner, params }) =>
  sendTestWebhook(ctx, { owner, id: params.id }),
);

export const OPTIONS = preflight(webhookEndpoints.test);
