import { merchantCheckoutSessions } from "@/lib/contract";
import { retrieveMerchantCheckoutSession } from "@/lib/payments";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantCheckoutSessions.retrieve, ({ ctx, merchant, params }) =>
  retrieveMerchantCheckoutSession(ctx, { merchantId: merchant.id, id: params.id }),
);
