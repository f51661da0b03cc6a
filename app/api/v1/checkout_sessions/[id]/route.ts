import { checkoutSessions } from "@/lib/contract";
import { retrieveCheckoutSession } from "@/lib/payments";
import { preflight, route, withId } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(checkoutSessions.retrieve, withId(retrieveCheckoutSession));

export const OPTIONS = preflight(checkoutSessions.retrieve);
