import { checkoutSessions } from "@/lib/contract";
import { retrieveCheckoutSession } from "@/lib/payments";
import { preflight, route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(checkoutSessions.retrieve, ({ ctx, owner, params }) =>
  retrieveCheckoutSession(ctx, { owner, id: params.id }),
);

export const OPTIONS = preflight(checkoutSessions.retrieve);
