import { apiKeys } from "@/lib/contract";
import { revokeApplicationKey, updateApplicationKey } from "@/lib/keys/lifecycle";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// A rename or a scope change reaches every process's key cache before the response, as a revocation does.
export const PATCH = route(apiKeys.update, async ({ ctx, merchant, params, body, audit }) => {
  const key = await updateApplicationKey(ctx, {
    merchantId: merchant.id,
    applicationId: params.id,
    keyId: params.keyId,
    changes: body,
  });
  const { name, scopes } = body;
  await audit(
    "api_key.updated",
    { type: "api_key", id: params.keyId },
    {
      ...(name !== undefined && { name }),
      ...(scopes !== undefined && { scopes: scopes.join(" ") }),
    },
  );
  return key;
});

// Revocation is immediate: the key's next request, in any process, gets 401 revoked_api_key.
export const DELETE = route(apiKeys.revoke, async ({ ctx, merchant, params, audit }) => {
  await revokeApplicationKey(ctx, { merchantId: merchant.id, applicationId: params.id, keyId: params.keyId });
  await audit("api_key.revoked", { type: "api_key", id: params.keyId });
});
