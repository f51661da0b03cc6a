import { json } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { archivePaymentLink } from "@/lib/payments";

export const dynamic = "force-dynamic";

export const POST = withApiKey<{ id: string }>({ scope: "links:write" }, async ({ ownerId, livemode, params }) =>
  json(await archivePaymentLink(db, { ownerId, livemode }, params.id)),
);
