"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { CreateApplicationKeyInput, GRACE_PERIODS } from "@/lib/contract/applications";
import type { z } from "zod";
import type { linkApiKeySchema } from "@/lib/contract/unclaimed-keys";
import { apiFetch } from "../api-client";
import type { CreatedKey, MerchantKey, RolledKey } from "../api-types";
import { useInvalidateMerchant } from "../applications/use-applications";
import { useDashboard } from "../dashboard/dashboard-context";
import { queryKeys, type KeyFilters } from "../dashboard/query-keys";

export type GracePeriod = keyof typeof GRACE_PERIODS;
type LinkApiKeyInput = z.infer<typeof linkApiKeySchema>;
/** A key the dashboard can change: one that belongs to an application (unclaimed keys do not). */
export type ApplicationKeyRef = { id: string; applicationId: string };

export function useApiKeys(filters: KeyFilters) {
  const { merchantId } = useDashboard();
  const search = new URLSearchParams({ mode: filters.mode });
  if (filters.applicationId) search.set("applicationId", filters.applicationId);
  if (filters.status) search.set("status", filters.status);
  return useQuery({
    queryKey: queryKeys.apiKeys(merchantId, filters),
    queryFn: ({ signal }) => apiFetch<{ items: MerchantKey[] }>(`/api-keys?${search}`, { signal }),
    select: (list) => list.items,
  });
}

const keyPath = (applicationId: string, keyId?: string) =>
  `/applications/${encodeURIComponent(applicationId)}/api-keys${keyId ? `/${encodeURIComponent(keyId)}` : ""}`;

/** Creates a key; the response's fullKey lives only in the mutation result until the show-once dialog closes. */
export function useCreateKey() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: ({ applicationId, input }: { applicationId: string; input: CreateApplicationKeyInput }) =>
      apiFetch<CreatedKey>(keyPath(applicationId), { method: "POST", body: input }),
    onSuccess: invalidate,
    // Drop the result (it holds the secret) from the mutation cache as soon as the form unmounts.
    gcTime: 0,
  });
}

export function useRevokeKey() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (key: ApplicationKeyRef) => apiFetch<void>(keyPath(key.applicationId, key.id), { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useRollKey() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: ({ key, gracePeriod }: { key: ApplicationKeyRef; gracePeriod: GracePeriod }) =>
      apiFetch<RolledKey>(`${keyPath(key.applicationId, key.id)}/roll`, { method: "POST", body: { gracePeriod } }),
    onSuccess: invalidate,
    gcTime: 0,
  });
}

/** "Link existing key": claims an unclaimed key into one of the merchant's applications. */
export function useLinkKey() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (input: LinkApiKeyInput) => apiFetch<MerchantKey>("/api-keys/link", { method: "POST", body: input }),
    onSuccess: invalidate,
    // The variables hold the pasted secret: don't keep them once the form is gone.
    gcTime: 0,
  });
}
