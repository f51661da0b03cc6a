import { json, parseInput } from "@/lib/api";
import { createdKeyResponse, rollApplicationKey } from "@/lib/applications";
import { authRuntime } from "@/lib/auth";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";
import { rollApiKeySchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

// A new secret now; the old one keeps working for the chosen grace period, then gets 401 expired_api_key.
export const POST = withSession<{ id: string; keyId: string }>(
  { permission: "settings.manage" },
  async ({ merchant, user, params, body, audit }) => {
    const { gracePeriod } = parseInput(rollApiKeySchema, body);
    const rolled = await rollApplicationKey(
      db,
      authRuntime.bus,
      merchant.id,
      params.id,
      params.keyId,
      gracePeriod,
      user.id,
    );
    await audit("api_key.rolled", { type: "api_key", id: params.keyId }, { newKeyId: rolled.key.id, gracePeriod });
    return json({ ...createdKeyResponse(rolled), rolledKey: rolled.rolled }, 201);
  },
);
