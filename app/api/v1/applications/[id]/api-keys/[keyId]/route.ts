import { apiKeys } from "@/lib/contract";
import { revokeApplicationKey } from "@/lib/keys/lifecycle";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// Revocation is immediate: the key's next request, in any process, gets 401 revoked_api_key.
export const DELETE = route(apiKeys.revoke, async ({ ctx, merchant, params, audit }) => {
  await revokeApplicationKey(ctx, { merchantId: merchant.id, applicationId: params.id, keyId: params.keyId });
  await audit("api_key.revoked", { type: "api_key", id: params.keyId });
});
