import { json, parseInput } from "@/lib/api";
import { listMerchantKeys } from "@/lib/applications";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";
import { apiKeyListQuerySchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

// Every key of the current merchant (never a secret), filtered by application, mode and status.
export const GET = withSession({}, async ({ merchant, query }) =>
  json({
    items: await listMerchantKeys(db, merchant.id, parseInput(apiKeyListQuerySchema, Object.fromEntries(query))),
  }),
);
