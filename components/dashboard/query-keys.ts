import type { KeyMode } from "@/lib/contract/vocabulary";

/** One page of the API keys list: the filters (in the page's URL) and where the page starts. */
export interface KeyFilters {
  mode: KeyMode;
  applicationId?: string;
  status?: "active" | "revoked" | "expired";
  q?: string;
  starting_after?: string;
}

/** Every query is scoped by merchant, so switching merchant never shows another merchant's cached data. */
export const queryKeys = {
  merchant: (merchantId: string) => ["merchant", merchantId] as const,
  applicationOptions: (merchantId: string) => ["merchant", merchantId, "applications", "options"] as const,
  application: (merchantId: string, id: string) => ["merchant", merchantId, "application", id] as const,
  apiKeys: (merchantId: string, filters: KeyFilters) => ["merchant", merchantId, "api-keys", filters] as const,
  /** One key's detail page: the key, the old secret's callers, its recent requests and its audit trail. */
  apiKey: (merchantId: string, keyId: string, part: "key" | "callers" | "requests" | "audit") =>
    ["merchant", merchantId, "api-key", keyId, part] as const,
  managementTokens: (merchantId: string) => ["merchant", merchantId, "management-tokens"] as const,
  members: (merchantId: string) => ["merchant", merchantId, "members"] as const,
};
