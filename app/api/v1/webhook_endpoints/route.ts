import { json, parseInput } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { listQuerySchema, createWebhookEndpointSchema } from "@/lib/validation";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const GET = withApiKey({ scope: "webhooks:read" }, async ({ ownerId, livemode, query }) =>
  json(await listWebhookEndpoints(db, { ownerId, livemode }, parseInput(listQuerySchema, Object.fromEntries(query)))),
);

// The response is the only place the signing secret is ever shown.
export const POST = withApiKey({ scope: "webhooks:write" }, async ({ ownerId, livemode, body }) =>
  json(await createWebhookEndpoint(db, { ownerId, livemode }, parseInput(createWebhookEndpointSchema, body)), 201),
);
