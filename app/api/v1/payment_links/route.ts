import { json, parseInput } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { createPaymentLink, listPaymentLinks } from "@/lib/payments";
import { createPaymentLinkSchema, listQuerySchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = withApiKey({ scope: "links:read" }, async ({ ownerId, livemode, query }) =>
  json(await listPaymentLinks(db, { ownerId, livemode }, parseInput(listQuerySchema, Object.fromEntries(query)))),
);

export const POST = withApiKey({ scope: "links:write" }, async ({ ownerId, livemode, key, body }) =>
  json(await createPaymentLink(db, { ownerId, livemode }, key.id, parseInput(createPaymentLinkSchema, body)), 201),
);
