import { createManagementToken, listManagementTokens } from "@/lib/accounts/management-tokens";
import { managementTokens } from "@/lib/contract";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// Only a signed-in session may mint or list management tokens: a token cannot extend itself.
export const GET = route(managementTokens.list, ({ ctx, merchant }) =>
  listManagementTokens(ctx, { merchantId: merchant.id }),
);

export const POST = route(managementTokens.create, async ({ ctx, merchant, user, body, audit }) => {
  const created = await createManagementToken(ctx, { merchantId: merchant.id, userId: user.id, token: body });
  await audit(
    "management_token.created",
    { type: "management_token", id: created.id },
    { expiresAt: created.expiresAt },
  );
  return created;
});
