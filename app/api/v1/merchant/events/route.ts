import { merchantEvents } from "@/lib/contract";
import { listMerchantEvents } from "@/lib/webhooks";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantEvents.list, ({ ctx, merchant, query }) =>
  listMerchantEvents(ctx, { merchantId: merchant.id, query }),
);
