"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { toastSuccess } from "../ui/toast";
import type { CreateApplicationKeyInput, GracePeriod, LinkApiKeyInput } from "@/lib/contract";
import { api } from "../api";
import { useDashboard } from "../dashboard/dashboard-context";
import { queryKeys, type KeyFilters } from "../dashboard/query-keys";
import { useChange } from "../use-change";
import { keyListQuery } from "./key-filters";

export type { GracePeriod };
/** A key the dashboard can change: one that belongs to an application (unclaimed keys do not). */
export type ApplicationKeyRef = { id: string; applicationId: string };

/** A page of keys in the browser, for pages with react-query (the logs' key filter); the keys list is rendered on
 * the server. */
export function useApiKeys(filters: KeyFilters) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.apiKeys(merchantId, filters),
    queryFn: ({ signal }) => api.apiKeys.list(keyListQuery(filters), { signal }),
    // Paging and filtering keep the rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
  });
}

// The changes below are made from the keys list (rendered on the server) and the key's page (react-query): useChange
// renders the page again and marks react-query's data stale. None keeps its result: a created or rolled key's secret
// reaches only the caller's onSuccess, for the show-once dialog.

export function useCreateKey() {
  return useChange(
    ({ applicationId, input }: { applicationId: string; input: CreateApplicationKeyInput }) =>
      api.apiKeys.create(applicationId, input),
    { onSuccess: (key) => toastSuccess(`Created the ${key.mode} key “${key.name}”`) },
  );
}

export function useRevokeKey() {
  return useChange((key: ApplicationKeyRef & { name: string }) => api.apiKeys.revoke(key.applicationId, key.id), {
    onSuccess: (_, key) => toastSuccess(`Revoked “${key.name}”: it gets 401 from now on`),
  });
}

export function useRollKey() {
  return useChange(
    ({ key, gracePeriod }: { key: ApplicationKeyRef; gracePeriod: GracePeriod }) =>
      api.apiKeys.roll(key.applicationId, key.id, { gracePeriod }),
    { onSuccess: (rolled) => toastSuccess(`Rolled “${rolled.name}”: copy the new secret now`) },
  );
}

/** Renames a key in place (PATCH …/api-keys/{keyId}); its secret and scopes stay as they are. */
export function useRenameKey() {
  return useChange(
    ({ key, name }: { key: ApplicationKeyRef; name: string }) =>
      api.apiKeys.update(key.applicationId, key.id, { name }),
    { onSuccess: (renamed) => toastSuccess(`Renamed to “${renamed.name}”`) },
  );
}

/** "Link existing key": claims an unclaimed key into one of the merchant's applications. */
export function useLinkKey() {
  return useChange((input: LinkApiKeyInput) => api.apiKeys.link(input));
}
