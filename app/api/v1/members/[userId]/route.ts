import { removeMember, updateMemberRole } from "@/lib/accounts/members";
import { members } from "@/lib/contract";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// Owners only; a merchant always keeps at least one owner (409 last_owner).
export const PATCH = route(members.update, async ({ ctx, merchant, params, body, audit }) => {
  const member = await updateMemberRole(ctx, { merchantId: merchant.id, userId: params.userId, changes: body });
  await audit("member.role_changed", { type: "user", id: member.userId }, { role: member.role });
  return member;
});

export const DELETE = route(members.remove, async ({ ctx, merchant, params, audit }) => {
  const removed = await removeMember(ctx, { merchantId: merchant.id, userId: params.userId });
  await audit("member.removed", { type: "user", id: removed.userId }, { revokedTokens: removed.revokedTokens });
  return removed;
});
