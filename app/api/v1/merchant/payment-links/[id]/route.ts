import { merchantPaymentLinks } from "@/lib/contract";
import { retrieveMerchantPaymentLink } from "@/lib/payments";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantPaymentLinks.retrieve, ({ ctx, merchant, params }) =>
  retrieveMerchantPaymentLink(ctx, { merchantId: merchant.id, id: params.id }),
);
