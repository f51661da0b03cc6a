import { paymentLinks } from "@/lib/contract";
import { createPaymentLink, listPaymentLinks } from "@/lib/payments";
import { preflight, route, withQuery } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(paymentLinks.list, withQuery(listPaymentLinks));

export const POST = route(paymentLinks.create, ({ ctx, owner, key, body }) =>
  createPaymentLink(ctx, { owner, keyId: key.id, link: body }),
);

export const OPTIONS = preflight(paymentLinks.list, paymentLinks.create);
