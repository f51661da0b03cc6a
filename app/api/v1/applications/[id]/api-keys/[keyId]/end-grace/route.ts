import { apiKeys } from "@/lib/contract";
import { endGrace } from "@/lib/keys/key-detail";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// The old secret of a roll stops now: its next request, in any process, gets 401 expired_api_key.
export const POST = route(apiKeys.endGrace, async ({ ctx, merchant, params, audit }) => {
  const key = await endGrace(ctx, { merchantId: merchant.id, applicationId: params.id, keyId: params.keyId });
  await audit("api_key.grace_ended", { type: "api_key", id: key.id });
  return key;
});
