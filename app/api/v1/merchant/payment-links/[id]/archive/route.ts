import { merchantPaymentLinks } from "@/lib/contract";
import { archiveMerchantPaymentLink } from "@/lib/payments";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(merchantPaymentLinks.archive, async ({ ctx, merchant, params, audit }) => {
  const link = await archiveMerchantPaymentLink(ctx, { merchantId: merchant.id, id: params.id });
  await audit("payment_link.archived", { type: "payment_link", id: link.id }, { livemode: link.livemode });
  return link;
});
