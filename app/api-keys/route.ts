import { json, parseInput } from "@/lib/api";
import { withPublic } from "@/lib/api/with-public";
import { authRuntime } from "@/lib/auth";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { createUnclaimedKey } from "@/lib/unclaimed";
import { createUnclaimedKeySchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

// POST /api-keys: a working test key with one request and no account. The key is shown only in this response.
export const POST = withPublic(
  {
    limiter: () => authRuntime.rateLimiter,
    bucket: "unclaimed-create",
    limit: () => config.UNCLAIMED_KEYS_PER_IP_PER_HOUR,
    windowMs: 3_600_000,
  },
  async ({ body, clientIp }) =>
    json(await createUnclaimedKey(db, authRuntime.bus, parseInput(createUnclaimedKeySchema, body), clientIp), 201),
);
