// The API keys list's filters and page size, shared by the page's server render and the browser (no "use client").
import { API_KEY_STATUSES } from "@/lib/contract/vocabulary";
import type { KeyFilters } from "../dashboard/query-keys";

/** Keys a page of the API keys list shows; the server renders the first page with the same size. */
export const KEYS_PER_PAGE = 20;

/** The list's request for a page: what the server prefetches and the browser fetches are the same call. */
export function keyListQuery(filters: KeyFilters) {
  return { ...filters, limit: KEYS_PER_PAGE };
}

/** The list's filters as the URL names them: `?q=…&status=…&application=…&after=…`. */
export type KeyFilterParams = {
  q: string;
  status: NonNullable<KeyFilters["status"]> | "";
  application: string;
  after: string;
};
export const FILTER_NAMES = ["q", "status", "application", "after"] as const;

/** Reads the filters from URL search params (the page's server render reads the same ones). */
export function keyFilterParams(read: (name: string) => string | null | undefined): KeyFilterParams {
  const status = read("status") ?? "";
  return {
    q: read("q") ?? "",
    status: (API_KEY_STATUSES as readonly string[]).includes(status) ? (status as KeyFilterParams["status"]) : "",
    application: read("application") ?? "",
    after: read("after") ?? "",
  };
}

/** The filters of a page's `searchParams` (a repeated name counts once). */
export function searchParamsFilter(query: Record<string, string | string[] | undefined>): KeyFilterParams {
  return keyFilterParams((name) => {
    const value = query[name];
    return Array.isArray(value) ? value[0] : value;
  });
}

/** The list request for these params: empty ones are left out, so the query key of "no filter" is always the same. */
export function keyFilters(mode: KeyFilters["mode"], params: KeyFilterParams, fixedApplicationId?: string): KeyFilters {
  const applicationId = fixedApplicationId ?? params.application;
  return {
    mode,
    ...(applicationId && { applicationId }),
    ...(params.status && { status: params.status }),
    ...(params.q.trim() && { q: params.q.trim() }),
    ...(params.after && { starting_after: params.after }),
  };
}
