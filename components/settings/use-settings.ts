"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { invites, managementTokens, members } from "@/lib/contract";
import type { BodyParams } from "@/lib/sdk";
import { api } from "../api";
import { useInvalidateMerchant } from "../applications/use-applications";
import { useDashboard } from "../dashboard/dashboard-context";
import { queryKeys } from "../dashboard/query-keys";

export function useManagementTokens(enabled: boolean) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.managementTokens(merchantId),
    queryFn: ({ signal }) => api.managementTokens.list({ signal }),
    select: (list) => list.items,
    enabled,
  });
}

export function useCreateManagementToken() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (input: BodyParams<typeof managementTokens.create>) => api.managementTokens.create(input),
    onSuccess: invalidate,
    // The result holds the token: gone from the mutation cache as soon as the form unmounts.
    gcTime: 0,
  });
}

export function useRevokeManagementToken() {
  const invalidate = useInvalidateMerchant();
  return useMutation({ mutationFn: (id: string) => api.managementTokens.revoke(id), onSuccess: invalidate });
}

export function useMembers() {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: queryKeys.members(merchantId),
    queryFn: ({ signal }) => api.members.list({ signal }),
  });
}

export function useCreateInvite() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: (input: BodyParams<typeof invites.create>) => api.invites.create(input),
    onSuccess: invalidate,
  });
}

export function useUpdateMemberRole() {
  const invalidate = useInvalidateMerchant();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string } & BodyParams<typeof members.update>) =>
      api.members.update(userId, { role }),
    onSuccess: invalidate,
  });
}

export function useRemoveMember() {
  const invalidate = useInvalidateMerchant();
  return useMutation({ mutationFn: (userId: string) => api.members.remove(userId), onSuccess: invalidate });
}

export function useRevokeInvite() {
  const invalidate = useInvalidateMerchant();
  return useMutation({ mutationFn: (id: string) => api.invites.revoke(id), onSuccess: invalidate });
}
