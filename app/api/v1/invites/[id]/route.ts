import { revokeInvite } from "@/lib/accounts/members";
import { invites } from "@/lib/contract";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const DELETE = route(invites.revoke, async ({ ctx, merchant, params, audit }) => {
  const invite = await revokeInvite(ctx, { merchantId: merchant.id, id: params.id });
  await audit("invite.revoked", { type: "invite", id: invite.id }, { role: invite.role });
  return invite;
});
