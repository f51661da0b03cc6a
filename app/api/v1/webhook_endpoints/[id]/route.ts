import { webhookEndpoints } from "@/lib/contract";
import { preflight, route, withChanges, withId } from "@/lib/route";
import { deleteWebhookEndpoint, retrieveWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const GET = route(webhookEndpoints.retrieve, withId(retrieveWebhookEndpoint));

export const PATCH = route(webhookEndpoints.update, withChanges(updateWebhookEndpoint));

export const DELETE = route(webhookEndpoints.delete, withId(deleteWebhookEndpoint));

export const OPTIONS = preflight(webhookEndpoints.retrieve, webhookEndpoints.update, webhookEndpoints.delete);
