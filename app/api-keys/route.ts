import { unclaimedKeys } from "@/lib/contract";
import { createUnclaimedKey } from "@/lib/keys/unclaimed";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// POST /api-keys: a working test key with one request and no account. The key is shown only in this response.
export const POST = route(unclaimedKeys.create, ({ ctx, body, clientIp }) =>
  createUnclaimedKey(ctx, { key: body, clientIp }),
);
