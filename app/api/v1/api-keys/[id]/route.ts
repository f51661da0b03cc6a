import { apiKeys } from "@/lib/contract";
import { retrieveMerchantKey } from "@/lib/keys/key-detail";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// One key of the current merchant with its creator, last use, roll and unused scopes; another merchant's is a 404.
export const GET = route(apiKeys.retrieve, ({ ctx, merchant, params }) =>
  retrieveMerchantKey(ctx, { merchantId: merchant.id, keyId: params.id }),
);
