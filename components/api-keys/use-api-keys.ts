"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { toastSuccess } from "../ui/toast";
import type { CreateApplicationKeyInput, GracePeriod, LinkApiKeyInput } from "@/lib/contract";
import { api } from "../api";
import { useInvalidateMerchant } from "../applications/use-applications";
import { useDashboard } from "../dashboard/dashboard-context";
import { queryKeys, type KeyFilters } from "../dashboard/query-keys";
import { keyListQuery } from "./key-filters";

export type { GracePeriod };
/** A key the dashboard can change: one that belongs to an application (unclaimed keys do not). */
export type ApplicationKeyRef = { id: string; applicationId: string };

export function useApiKeys(filters: KeyFilters) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.apiKeys(merchantId, filters),
    queryFn: ({ signal }) => api.apiKeys.list(keyListQuery(filters), { signal }),
    // Paging and filtering keep the rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
  });
}

/** Creates a key; the response's fullKey lives only in the mutation result until the show-once dialog closes. */
export function useCreateKey() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: ({ applicationId, input }: { applicationId: string; input: CreateApplicationKeyInput }) =>
      api.apiKeys.create(applicationId, input),
    onSuccess: (key) => {
      toastSuccess(`Created the ${key.mode} key “${key.name}”`);
      return invalidate();
    },
    // Drop the result (it holds the secret) from the mutation cache as soon as the form unmounts.
    gcTime: 0,
  });
}

export function useRevokeKey() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (key: ApplicationKeyRef & { name: string }) => api.apiKeys.revoke(key.applicationId, key.id),
    onSuccess: (_, key) => {
      toastSuccess(`Revoked “${key.name}”: it gets 401 from now on`);
      return invalidate();
    },
  });
}

export function useRollKey() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: ({ key, gracePeriod }: { key: ApplicationKeyRef; gracePeriod: GracePeriod }) =>
      api.apiKeys.roll(key.applicationId, key.id, { gracePeriod }),
    onSuccess: (rolled) => {
      toastSuccess(`Rolled “${rolled.name}”: copy the new secret now`);
      return invalidate();
    },
    gcTime: 0,
  });
}

/** Renames a key in place (PATCH …/api-keys/{keyId}); its secret and scopes stay as they are. */
export function useRenameKey() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: ({ key, name }: { key: ApplicationKeyRef; name: string }) =>
      api.apiKeys.update(key.applicationId, key.id, { name }),
    onSuccess: (renamed) => {
      toastSuccess(`Renamed to “${renamed.name}”`);
      return invalidate();
    },
  });
}

/** "Link existing key": claims an unclaimed key into one of the merchant's applications. */
export function useLinkKey() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (input: LinkApiKeyInput) => api.apiKeys.link(input),
    onSuccess: invalidate,
    // The variables hold the pasted secret: don't keep them once the form is gone.
    gcTime: 0,
  });
}
