import { json, parseInput } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { listEvents } from "@/lib/events";
import { eventListQuerySchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = withApiKey({ scope: "events:read" }, async ({ ownerId, livemode, query }) =>
  json(await listEvents(db, { ownerId, livemode }, parseInput(eventListQuerySchema, Object.fromEntries(query)))),
);
