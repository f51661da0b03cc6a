import { revokeManagementToken } from "@/lib/accounts/management-tokens";
import { managementTokens } from "@/lib/contract";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const DELETE = route(managementTokens.revoke, async ({ ctx, merchant, params, audit }) => {
  const token = await revokeManagementToken(ctx, { merchantId: merchant.id, id: params.id });
  await audit("management_token.revoked", { type: "management_token", id: token.id });
  return token;
});
