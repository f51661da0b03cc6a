import { json, parseInput } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { createCheckoutSession, listCheckoutSessions } from "@/lib/payments";
import { checkoutSessionListQuerySchema, createCheckoutSessionSchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = withApiKey({ scope: "sessions:read" }, async ({ ownerId, livemode, query }) =>
  json(
    await listCheckoutSessions(
      db,
      { ownerId, livemode },
      parseInput(checkoutSessionListQuerySchema, Object.fromEntries(query)),
    ),
  ),
);

export const POST = withApiKey({ scope: "sessions:write" }, async ({ ownerId, livemode, key, body }) =>
  json(
    await createCheckoutSession(db, { ownerId, livemode }, key.id, parseInput(createCheckoutSessionSchema, body)),
    201,
  ),
);
