import { checkoutSessions } from "@/lib/contract";
import { expireCheckoutSession } from "@/lib/payments";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(checkoutSessions.expire, ({ ctx, owner, params }) =>
  expireCheckoutSession(ctx, { owner, id: params.id }),
);
