"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { api } from "../api";
import { useDashboard } from "../dashboard/dashboard-context";
import { eventDetailKey, eventFilterParsers, eventListKey, eventQuery, type EventFilters } from "./event-filters";

/** The Events page's filters, kept in the URL (`?type=customer.created&range=24h`). */
export function useEventFilters() {
  return useQueryStates(eventFilterParsers);
}

/** The merchant's events in the selected mode, a page at a time; `object` keeps only that object's. */
export function useEvents(filters: EventFilters, object?: string) {
  const { merchantId, mode } = useDashboard();
  return useInfiniteQuery({
    queryKey: eventListKey(merchantId, mode, filters, object),
    queryFn: ({ pageParam, signal }) =>
      api.merchantEvents.list(eventQuery(mode, filters, pageParam, object), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.has_more ? page.data.at(-1)?.id : undefined),
  });
}

export function useEvent(id: string) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: eventDetailKey(merchantId, id),
    queryFn: ({ signal }) => api.merchantEvents.retrieve(id, { signal }),
  });
}
