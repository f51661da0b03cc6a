import { revokeApplicationKey } from "@/lib/applications";
import { authRuntime } from "@/lib/auth";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// Revocation is immediate: the key's next request, in any process, gets 401 revoked_api_key.
export const DELETE = withSession<{ id: string; keyId: string }>(
  { permission: "settings.manage" },
  async ({ merchant, params, audit }) => {
    await revokeApplicationKey(db, authRuntime.bus, merchant.id, params.id, params.keyId);
    await audit("api_key.revoked", { type: "api_key", id: params.keyId });
    return new Response(null, { status: 204 });
  },
);
