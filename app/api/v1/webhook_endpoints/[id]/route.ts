import { json, parseInput } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { updateWebhookEndpointSchema } from "@/lib/validation";
import { deleteWebhookEndpoint, retrieveWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = withApiKey<Params>({ scope: "webhooks:read" }, async ({ ownerId, livemode, params }) =>
  json(await retrieveWebhookEndpoint(db, { ownerId, livemode }, params.id)),
);

export const PATCH = withApiKey<Params>({ scope: "webhooks:write" }, async ({ ownerId, livemode, params, body }) =>
  json(
    await updateWebhookEndpoint(db, { ownerId, livemode }, params.id, parseInput(updateWebhookEndpointSchema, body)),
  ),
);

export const DELETE = withApiKey<Params>({ scope: "webhooks:write" }, async ({ ownerId, livemode, params }) =>
  json(await deleteWebhookEndpoint(db, { ownerId, livemode }, params.id)),
);
