import { merchantEvents } from "@/lib/contract";
import { retrieveMerchantEvent } from "@/lib/webhooks";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantEvents.retrieve, ({ ctx, merchant, params }) =>
  retrieveMerchantEvent(ctx, { merchantId: merchant.id, id: params.id }),
);
