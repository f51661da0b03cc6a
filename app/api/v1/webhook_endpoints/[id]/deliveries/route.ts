import { json, parseInput } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { webhookDeliveryListQuerySchema } from "@/lib/validation";
import { listWebhookDeliveries } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const GET = withApiKey<{ id: string }>(
  { scope: "webhooks:read" },
  async ({ ownerId, livemode, params, query }) =>
    json(
      await listWebhookDeliveries(
        db,
        { ownerId, livemode },
        params.id,
        parseInput(webhookDeliveryListQuerySchema, Object.fromEntries(query)),
      ),
    ),
);
