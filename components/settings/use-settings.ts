"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { createInviteSchema, createManagementTokenSchema } from "@/lib/contract/accounts";
import { apiFetch } from "../api-client";
import type { CreatedManagementToken, Invite, ManagementToken, MemberList } from "../api-types";
import { useInvalidateMerchant } from "../applications/use-applications";
import { useDashboard } from "../dashboard/dashboard-context";
import { queryKeys } from "../dashboard/query-keys";

export function useManagementTokens(enabled: boolean) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.managementTokens(merchantId),
    queryFn: ({ signal }) => apiFetch<{ items: ManagementToken[] }>("/management-tokens", { signal }),
    select: (list) => list.items,
    enabled,
  });
}

export function useCreateManagementToken() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (input: z.input<typeof createManagementTokenSchema>) =>
      apiFetch<CreatedManagementToken>("/management-tokens", { method: "POST", body: input }),
    onSuccess: invalidate,
    // The result holds the token: gone from the mutation cache as soon as the form unmounts.
    gcTime: 0,
  });
}

export function useRevokeManagementToken() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<ManagementToken>(`/management-tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useMembers() {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.members(merchantId),
    queryFn: ({ signal }) => apiFetch<MemberList>("/members", { signal }),
  });
}

export function useCreateInvite() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (input: z.input<typeof createInviteSchema>) =>
      apiFetch<Invite>("/invites", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}
