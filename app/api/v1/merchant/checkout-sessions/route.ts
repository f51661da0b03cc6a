import { merchantCheckoutSessions } from "@/lib/contract";
import { listMerchantCheckoutSessions } from "@/lib/payments";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantCheckoutSessions.list, ({ ctx, merchant, query }) =>
  listMerchantCheckoutSessions(ctx, { merchantId: merchant.id, query }),
);
