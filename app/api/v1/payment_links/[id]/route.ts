import { json, parseInput } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { retrievePaymentLink, updatePaymentLink } from "@/lib/payments";
import { updatePaymentLinkSchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = withApiKey<Params>({ scope: "links:read" }, async ({ ownerId, livemode, params }) =>
  json(await retrievePaymentLink(db, { ownerId, livemode }, params.id)),
);

export const PATCH = withApiKey<Params>({ scope: "links:write" }, async ({ ownerId, livemode, params, body }) =>
  json(await updatePaymentLink(db, { ownerId, livemode }, params.id, parseInput(updatePaymentLinkSchema, body))),
);
