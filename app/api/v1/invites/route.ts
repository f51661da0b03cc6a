import { invites } from "@/lib/contract";
import { createInvite } from "@/lib/accounts/merchants";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// Owners invite by e-mail or GitHub login; the invite is accepted when that person signs in.
export const POST = route(invites.create, async ({ ctx, merchant, user, body, audit }) => {
  const invite = await createInvite(ctx, { merchantId: merchant.id, invitedById: user.id, invite: body });
  await audit("invite.created", { type: "invite", id: invite.id }, { role: invite.role });
  return invite;
});
