import { json } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { completeCheckoutSessionForTest } from "@/lib/payments";

export const dynamic = "force-dynamic";

// Test mode only: marks an open session paid, as a buyer paying would. A live key gets 404.
export const POST = withApiKey<{ id: string }>({ scope: "sessions:write" }, async ({ ownerId, livemode, params }) =>
  json(await completeCheckoutSessionForTest(db, { ownerId, livemode }, params.id)),
);
