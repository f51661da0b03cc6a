import { json } from "@/lib/api";
import { revokeManagementToken } from "@/lib/auth/management-tokens";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const DELETE = withSession<{ id: string }>(
  { permission: "settings.manage", sessionOnly: true },
  async ({ merchant, params, audit }) => {
    const token = await revokeManagementToken(db, merchant.id, params.id);
    await audit("management_token.revoked", { type: "management_token", id: token.id });
    return json(token);
  },
);
