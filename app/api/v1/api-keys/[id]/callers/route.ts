import { apiKeys } from "@/lib/contract";
import { listOldSecretCallers } from "@/lib/keys/key-detail";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// Who still sends a rolled key's old secret during its grace period, by IP and user agent.
export const GET = route(apiKeys.callers, ({ ctx, merchant, params }) =>
  listOldSecretCallers(ctx, { merchantId: merchant.id, keyId: params.id }),
);
