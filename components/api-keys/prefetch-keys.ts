// Server only (the API keys and application pages): the first page of keys and the application options, read
// through the same domain functions the routes call, so react-query hydrates with them and the table is in the
// first HTML.
import { dehydrate, QueryClient } from "@tanstack/react-query";
import { listApplications } from "@/lib/applications";
import { apiKeyListQuerySchema } from "@/lib/contract/api-keys";
import { listMerchantKeys } from "@/lib/keys/lifecycle";
import { appContext } from "@/lib/keys/runtime";
import { queryKeys, type KeyFilters } from "../dashboard/query-keys";
import { APPLICATION_OPTIONS_QUERY } from "../applications/application-options";
import { keyListQuery } from "./key-filters";

/** The dehydrated cache of the list's first render; a query that fails is left for the browser to retry and show. */
export async function prefetchKeys(merchantId: string, filters: KeyFilters) {
  const queryClient = new QueryClient();
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: queryKeys.apiKeys(merchantId, filters),
      queryFn: () =>
        listMerchantKeys(appContext, { merchantId, query: apiKeyListQuerySchema.parse(keyListQuery(filters)) }),
    }),
    queryClient.prefetchQuery({
      queryKey: queryKeys.applicationOptions(merchantId),
      queryFn: () => listApplications(appContext, { merchantId, query: APPLICATION_OPTIONS_QUERY }),
    }),
  ]);
  return dehydrate(queryClient);
}
