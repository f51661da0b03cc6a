import { json } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { expireCheckoutSession } from "@/lib/payments";

export const dynamic = "force-dynamic";

export const POST = withApiKey<{ id: string }>({ scope: "sessions:write" }, async ({ ownerId, livemode, params }) =>
  json(await expireCheckoutSession(db, { ownerId, livemode }, params.id)),
);
