import { ApiError, json, parseInput } from "@/lib/api";
import { authRuntime } from "@/lib/auth";
import { withSession } from "@/lib/auth/with-session";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { linkApiKey } from "@/lib/unclaimed";
import { linkApiKeySchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

// "Link existing key": rate limited per user, because every attempt is a guess at someone's secret.
export const POST = withSession({ permission: "settings.manage" }, async ({ user, merchant, body, audit }) => {
  const attempts = await authRuntime.rateLimiter.consume(
    `link:${user.id}`,
    config.LINK_ATTEMPTS_PER_USER_PER_HOUR,
    3_600_000,
  );
  if (!attempts.allowed) {
    throw new ApiError(429, "rate_limited", "rate_limited", "Too many link attempts. Try again later.", {
      headers: { "Retry-After": String(attempts.resetSeconds) },
    });
  }
  const key = await linkApiKey(db, authRuntime.bus, merchant, parseInput(linkApiKeySchema, body));
  await audit("api_key.linked", { type: "api_key", id: key.id }, { applicationId: key.applicationId });
  return json(key);
});
