import { checkoutSessions } from "@/lib/contract";
import { expireCheckoutSession } from "@/lib/payments";
import { preflight, route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(checkoutSessions.expire, ({ ctx, owner, params }) =>
  expireCheckoutSession(ctx, { owner, id: params.id }),
);

export const OPTIONS = preflight(checkoutSessions.expire);
