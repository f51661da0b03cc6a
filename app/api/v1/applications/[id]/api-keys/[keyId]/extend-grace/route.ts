import { apiKeys } from "@/lib/contract";
import { extendGrace } from "@/lib/keys/key-detail";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// 24 more hours for the old secret of a roll, once, and never past 7 days after the roll.
export const POST = route(apiKeys.extendGrace, async ({ ctx, merchant, params, audit }) => {
  const key = await extendGrace(ctx, { merchantId: merchant.id, applicationId: params.id, keyId: params.keyId });
  await audit("api_key.grace_extended", { type: "api_key", id: key.id }, { graceEndsAt: key.graceEndsAt ?? "" });
  return key;
});
