import { checkoutSessions } from "@/lib/contract";
import { expireCheckoutSession } from "@/lib/payments";
import { preflight, route, withId } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(checkoutSessions.expire, withId(expireCheckoutSession));

export const OPTIONS = preflight(checkoutSessions.expire);
