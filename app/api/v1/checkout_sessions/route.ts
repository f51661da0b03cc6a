import { checkoutSessions } from "@/lib/contract";
import { createCheckoutSession, listCheckoutSessions } from "@/lib/payments";
import { preflight, route, withQuery } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(checkoutSessions.list, withQuery(listCheckoutSessions));

export const POST = route(checkoutSessions.create, ({ ctx, owner, key, body }) =>
  createCheckoutSession(ctx, { owner, keyId: key.id, session: body }),
);

export const OPTIONS = preflight(checkoutSessions.list, checkoutSessions.create);
