import { apiKeys } from "@/lib/contract";
import { createdKeyResponse, rollApplicationKey } from "@/lib/keys/lifecycle";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// A new secret now; the old one keeps working for the chosen grace period, then gets 401 expired_api_key.
export const POST = route(apiKeys.roll, async ({ ctx, merchant, user, params, body, audit }) => {
  const { gracePeriod } = body;
  const rolled = await rollApplicationKey(ctx, {
    merchant,
    applicationId: params.id,
    keyId: params.keyId,
    gracePeriod,
    userId: user.id,
  });
  await audit("api_key.rolled", { type: "api_key", id: params.keyId }, { newKeyId: rolled.key.id, gracePeriod });
  return { ...createdKeyResponse(rolled), rolledKey: rolled.rolled };
});
