import { apiKeys } from "@/lib/contract";
import { listMerchantKeys } from "@/lib/keys/lifecycle";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// A page of the current merchant's keys (never a secret), filtered by application, mode, status and a search.
export const GET = route(apiKeys.list, ({ ctx, merchant, query }) =>
  listMerchantKeys(ctx, { merchantId: merchant.id, query }),
);
