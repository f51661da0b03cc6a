import { merchantCheckoutSessions } from "@/lib/contract";
import { expireMerchantCheckoutSession } from "@/lib/payments";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(merchantCheckoutSessions.expire, async ({ ctx, merchant, params, audit }) => {
  const session = await expireMerchantCheckoutSession(ctx, { merchantId: merchant.id, id: params.id });
  await audit("checkout_session.expired", { type: "checkout_session", id: session.id }, { livemode: session.livemode });
  return session;
});
