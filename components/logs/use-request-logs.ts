"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { useDashboard } from "../dashboard/dashboard-context";
import { listQueryOf, requestLogKeys, type LogFilters } from "./search-params";

/** How often live tail asks for newer requests. */
export const LIVE_TAIL_MS = 2000;

/** The logged requests of the selected mode, newest first, a page at a time ("Load more"). */
export function useRequestLogs(filters: LogFilters, live: boolean) {
  const { merchantId, mode } = useDashboard();
  return useInfiniteQuery({
    queryKey: requestLogKeys.list(merchantId, mode, filters),
    queryFn: ({ pageParam, signal }) =>
      api.requestLogs.list(
        { ...listQueryOf(filters, mode), ...(pageParam ? { starting_after: pageParam } : {}) },
        { signal },
      ),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: live ? LIVE_TAIL_MS : false,
  });
}

/** One request with its trace; while a delivery is pending, live tail keeps it fresh too. */
export function useRequestLog(id: string | null, live: boolean) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: requestLogKeys.detail(merchantId, id ?? ""),
    queryFn: ({ signal }) => api.requestLogs.retrieve(id ?? "", { signal }),
    enabled: id !== null,
    refetchInterval: live ? LIVE_TAIL_MS : false,
  });
}
