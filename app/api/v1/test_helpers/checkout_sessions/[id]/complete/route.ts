import { checkoutSessions } from "@/lib/contract";
import { completeCheckoutSessionForTest } from "@/lib/payments";
import { preflight, route, withId } from "@/lib/route";

export const dynamic = "force-dynamic";

// Test mode only: marks an open session paid, as a buyer paying would. A live key gets 404.
export const POST = route(checkoutSessions.complete, withId(completeCheckoutSessionForTest));

export const OPTIONS = preflight(checkoutSessions.complete);
