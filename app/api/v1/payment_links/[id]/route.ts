import { paymentLinks } from "@/lib/contract";
import { retrievePaymentLink, updatePaymentLink } from "@/lib/payments";
import { preflight, route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(paymentLinks.retrieve, ({ ctx, owner, params }) =>
  retrievePaymentLink(ctx, { owner, id: params.id }),
);

export const PATCH = route(paymentLinks.update, ({ ctx, owner, params, body }) =>
  updatePaymentLink(ctx, { owner, id: params.id, changes: body }),
);

export const OPTIONS = preflight(paymentLinks.retrieve, paymentLinks.update);
