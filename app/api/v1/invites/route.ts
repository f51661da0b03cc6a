import { json, parseInput } from "@/lib/api";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";
import { createInvite } from "@/lib/merchants";
import { createInviteSchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

// Owners invite by e-mail or GitHub login; the invite is accepted when that person signs in.
export const POST = withSession({ permission: "members.manage" }, async ({ merchant, user, body, audit }) => {
  const invite = await createInvite(db, merchant.id, user.id, parseInput(createInviteSchema, body));
  await audit("invite.created", { type: "invite", id: invite.id }, { role: invite.role });
  return json(invite, 201);
});
