import type { CachedKey } from "@/lib/keys/cache";

/** A CachedKey for cache and invalidation unit tests (no database). */
export function cachedKey(
  id: string,
  applicationId: string | null = "app_1",
  merchantId: string | null = "mer_1",
): CachedKey {
  return {
    id,
    hash: `h_${id}`,
    mode: "test",
    scopes: new Set(),
    status: "active",
    expiresAt: null,
    graceEndsAt: null,
    rateLimit: null,
    ipAllowlist: null,
    merchant: merchantId ? { id: merchantId, name: "M" } : null,
    application: applicationId ? { id: applicationId, name: "A", isEnabled: true, allowedOrigins: [] } : null,
    principal: {
      key: { id, name: id, prefix: "ck_test_abcd", mode: "test", scopes: [] },
      merchant: merchantId ? { id: merchantId, name: "M" } : null,
      application: applicationId ? { id: applicationId, name: "A" } : null,
      livemode: false,
      owner: { ownerId: merchantId ?? id, livemode: false },
    },
  };
}
