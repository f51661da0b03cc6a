import { json } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { retrieveEvent } from "@/lib/events";

export const dynamic = "force-dynamic";

export const GET = withApiKey<{ id: string }>({ scope: "events:read" }, async ({ ownerId, livemode, params }) =>
  json(await retrieveEvent(db, { ownerId, livemode }, params.id)),
);
