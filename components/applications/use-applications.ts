"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Application, applications } from "@/lib/contract";
import type { BodyParams } from "@/lib/sdk";
import { api } from "../api";
import { useDashboard } from "../dashboard/dashboard-context";
import { queryKeys } from "../dashboard/query-keys";
import { APPLICATION_OPTIONS_QUERY } from "./application-options";

/** Every application (up to the API's page limit of 100) for pickers and filters. */
export function useApplicationOptions() {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.applicationOptions(merchantId),
    queryFn: ({ signal }) => api.applications.list(APPLICATION_OPTIONS_QUERY, { signal }),
    select: (page) => page.items,
  });
}

/** One application (the route also embeds key summaries; the page lists keys through the API keys query). */
export function useApplication(id: string, initialData?: Application) {
  const { merchantId } = useDashboard();
  return useQuery<Application>({
    queryKey: queryKeys.application(merchantId, id),
    queryFn: ({ signal }) => api.applications.retrieve(id, { signal }),
    initialData,
  });
}

/** After any change, everything of the merchant is refetched: lists embed key summaries and statuses. */
export function useInvalidateMerchant() {
  const { merchantId } = useDashboard();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.merchant(merchantId) });
}

export function useUpdateApplication(id: string) {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (changes: BodyParams<typeof applications.update>) => api.applications.update(id, changes),
    onSuccess: invalidate,
  });
}

/** Deleting revokes the application's keys; the caller leaves its page before the lists refetch. */
export function useDeleteApplication(id: string) {
  const invalidate = useInvalidateMerchant();
  return useMutation({ mutationFn: () => api.applications.delete(id), onSuccess: invalidate });
}
