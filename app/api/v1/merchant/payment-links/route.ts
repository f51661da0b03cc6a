import { merchantPaymentLinks } from "@/lib/contract";
import { createMerchantPaymentLink, listMerchantPaymentLinks } from "@/lib/payments";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantPaymentLinks.list, ({ ctx, merchant, query }) =>
  listMerchantPaymentLinks(ctx, { merchantId: merchant.id, query }),
);

export const POST = route(merchantPaymentLinks.create, async ({ ctx, merchant, body, audit }) => {
  const link = await createMerchantPaymentLink(ctx, { merchantId: merchant.id, link: body });
  await audit("payment_link.created", { type: "payment_link", id: link.id }, { livemode: link.livemode });
  return link;
});
