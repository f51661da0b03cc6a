import { webhookEndpoints } from "@/lib/contract";
import { preflight, route, withId } from "@/lib/route";
import { sendTestWebhook } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const POST = route(webhookEndpoints.test, withId(sendTestWebhook));

export const OPTIONS = preflight(webhookEndpoints.test);
