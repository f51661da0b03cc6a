import { json } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { sendTestWebhook } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const POST = withApiKey<{ id: string }>({ scope: "webhooks:write" }, async ({ ownerId, livemode, params }) =>
  json(await sendTestWebhook(db, { ownerId, livemode }, params.id)),
);
