// Server only (the key detail page): the key and its sections read through the domain functions the routes call,
// so react-query hydrates with them and the page is whole in the first HTML.
import { dehydrate, QueryClient } from "@tanstack/react-query";
import { listAuditEvents } from "@/lib/accounts/audit";
import type { ApiKeyDetail } from "@/lib/contract";
import { listOldSecretCallers, retrieveMerchantKey } from "@/lib/keys/key-detail";
import { appContext } from "@/lib/keys/runtime";
import { listRequestLogs } from "@/lib/request-log";
import { queryKeys } from "../../dashboard/query-keys";
import { auditTrailQuery, recentRequestsQuery } from "./key-detail-queries";

/** The key (or null when this merchant has no such key: the page's 404) and the dehydrated cache of its sections. */
export async function prefetchKeyDetail(merchantId: string, keyId: string) {
  const queryClient = new QueryClient();
  const key = await retrieveMerchantKey(appContext, { merchantId, keyId }).catch((error: { status?: number }) => {
    if (error.status === 404) return null;
    throw error;
  });
  if (!key) return null;
  queryClient.setQueryData<ApiKeyDetail>(queryKeys.apiKey(merchantId, keyId, "key"), key);
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: queryKeys.apiKey(merchantId, keyId, "callers"),
      queryFn: () => listOldSecretCallers(appContext, { merchantId, keyId }),
    }),
    queryClient.prefetchQuery({
      queryKey: queryKeys.apiKey(merchantId, keyId, "requests"),
      queryFn: () => listRequestLogs(appContext, { merchantId, query: recentRequestsQuery(keyId) }),
    }),
    queryClient.prefetchQuery({
      queryKey: queryKeys.apiKey(merchantId, keyId, "audit"),
      queryFn: () => listAuditEvents(appContext, { merchantId, query: auditTrailQuery(keyId) }),
    }),
  ]);
  return { key, state: dehydrate(queryClient) };
}
