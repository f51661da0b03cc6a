import { merchantCheckoutSessions } from "@/lib/contract";
import { completeMerchantCheckoutSession } from "@/lib/payments";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// Test sessions only: a live one answers 400 livemode_session.
export const POST = route(merchantCheckoutSessions.complete, async ({ ctx, merchant, params, audit }) => {
  const session = await completeMerchantCheckoutSession(ctx, { merchantId: merchant.id, id: params.id });
  await audit("checkout_session.completed", { type: "checkout_session", id: session.id }, { livemode: false });
  return session;
});
