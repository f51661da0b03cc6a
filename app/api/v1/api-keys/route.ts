import { apiKeys } from "@/lib/contract";
import { listMerchantKeys } from "@/lib/keys/lifecycle";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// Every key of the current merchant (never a secret), filtered by application, mode and status.
export const GET = route(apiKeys.list, async ({ ctx, merchant, query }) => ({
  items: await listMerchantKeys(ctx, { merchantId: merchant.id, query }),
}));
