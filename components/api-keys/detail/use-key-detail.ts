"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { Scope } from "@/lib/contract";
import { api } from "../../api";
import { useInvalidateMerchant } from "../../applications/use-applications";
import { useDashboard } from "../../dashboard/dashboard-context";
import { queryKeys } from "../../dashboard/query-keys";
import { toastSuccess } from "../../ui/toast";
import type { ApplicationKeyRef } from "../use-api-keys";
import { auditTrailQuery, recentRequestsQuery } from "./key-detail-queries";

export function useKeyDetail(keyId: string) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.apiKey(merchantId, keyId, "key"),
    queryFn: ({ signal }) => api.apiKeys.retrieve(keyId, { signal }),
  });
}

export function useOldSecretCallers(keyId: string) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.apiKey(merchantId, keyId, "callers"),
    queryFn: ({ signal }) => api.apiKeys.callers(keyId, { signal }),
  });
}

export function useKeyRequests(keyId: string) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.apiKey(merchantId, keyId, "requests"),
    queryFn: ({ signal }) => api.requestLogs.list(recentRequestsQuery(keyId), { signal }),
  });
}

export function useKeyAuditTrail(keyId: string) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.apiKey(merchantId, keyId, "audit"),
    queryFn: ({ signal }) => api.auditEvents.list(auditTrailQuery(keyId), { signal }),
  });
}

/** "End grace now": the old secret stops at once. */
export function useEndGrace() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (key: ApplicationKeyRef) => api.apiKeys.endGrace(key.applicationId, key.id),
    onSuccess: () => {
      toastSuccess("Ended the grace period: the old secret gets 401 from now on");
      return invalidate();
    },
  });
}

/** "Extend by 24 h": once, and never past 7 days after the roll (the API says so when it refuses). */
export function useExtendGrace() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (key: ApplicationKeyRef) => api.apiKeys.extendGrace(key.applicationId, key.id),
    onSuccess: () => {
      toastSuccess("Extended the grace period by 24 hours");
      return invalidate();
    },
  });
}

/** "Remove unused scopes": the key update with the scopes it keeps. */
export function useSetScopes() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: ({ key, scopes }: { key: ApplicationKeyRef; scopes: Scope[]; removed: Scope[] }) =>
      api.apiKeys.update(key.applicationId, key.id, { scopes }),
    onSuccess: (_, { removed }) => {
      toastSuccess(`Removed ${removed.join(", ")} from the key`);
      return invalidate();
    },
  });
}
