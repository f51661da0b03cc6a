import { json } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { retrieveCheckoutSession } from "@/lib/payments";

export const dynamic = "force-dynamic";

export const GET = withApiKey<{ id: string }>({ scope: "sessions:read" }, async ({ ownerId, livemode, params }) =>
  json(await retrieveCheckoutSession(db, { ownerId, livemode }, params.id)),
);
