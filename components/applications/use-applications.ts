"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateApplicationInput } from "@/lib/contract/applications";
import { apiFetch } from "../api-client";
import type { Application, ApplicationPage } from "../api-types";
import { useDashboard } from "../dashboard/dashboard-context";
import { queryKeys } from "../dashboard/query-keys";

export const APPLICATIONS_PER_PAGE = 10;

export function useApplicationPage(page: number) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.applicationPage(merchantId, page),
    queryFn: ({ signal }) =>
      apiFetch<ApplicationPage>(`/applications?include=apiKeys&page=${page}&limit=${APPLICATIONS_PER_PAGE}`, {
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

/** Every application (up to the API's page limit of 100) for pickers and filters. */
export function useApplicationOptions() {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.applicationOptions(merchantId),
    queryFn: ({ signal }) => apiFetch<ApplicationPage>("/applications?limit=100", { signal }),
    select: (page) => page.items,
  });
}

/** One application (the route also embeds key summaries; the page lists keys through the API keys query). */
export function useApplication(id: string, initialData?: Application) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.application(merchantId, id),
    queryFn: ({ signal }) => apiFetch<Application>(`/applications/${encodeURIComponent(id)}`, { signal }),
    initialData,
  });
}

/** After any change, everything of the merchant is refetched: lists embed key summaries and statuses. */
export function useInvalidateMerchant() {
  const { merchantId } = useDashboard();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.merchant(merchantId) });
}

export function useCreateApplication() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (input: CreateApplicationInput) =>
      apiFetch<Application>("/applications", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useSetApplicationEnabled() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: ({ id, isEnabled }: { id: string; isEnabled: boolean }) =>
      apiFetch<Application>(`/applications/${encodeURIComponent(id)}/status`, { method: "PATCH", body: { isEnabled } }),
    onSuccess: invalidate,
  });
}
