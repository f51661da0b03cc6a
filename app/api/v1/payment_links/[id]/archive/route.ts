import { paymentLinks } from "@/lib/contract";
import { archivePaymentLink } from "@/lib/payments";
import { preflight, route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(paymentLinks.archive, ({ ctx, owner, params }) =>
  archivePaymentLink(ctx, { owner, id: params.id }),
);

export const OPTIONS = preflight(paymentLinks.archive);
