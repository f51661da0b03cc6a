// Server only (the API keys and application pages): a page of keys and the application options, read through the
// same domain functions the routes call, so the table is rendered on the server, in the first HTML.
import { listApplications } from "@/lib/applications";
import { apiKeyListQuerySchema } from "@/lib/contract/api-keys";
import { listMerchantKeys } from "@/lib/keys/lifecycle";
import { appContext } from "@/lib/keys/runtime";
import type { KeyFilters } from "../dashboard/query-keys";
import { APPLICATION_OPTIONS_QUERY } from "../applications/application-options";
import { keyListQuery } from "./key-filters";

/** The keys of these filters, and the applications to filter by and create keys in. */
export async function readKeys(merchantId: string, filters: KeyFilters) {
  const [page, applications] = await Promise.all([
    listMerchantKeys(appContext, { merchantId, query: apiKeyListQuerySchema.parse(keyListQuery(filters)) }),
    listApplications(appContext, { merchantId, query: APPLICATION_OPTIONS_QUERY }),
  ]);
  return { page, applications: applications.items };
}
