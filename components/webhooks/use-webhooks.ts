"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { merchantWebhookEndpoints, WebhookDeliveryListQuery } from "@/lib/contract";
import type { BodyParams } from "@/lib/sdk";
import { api } from "../api";
import { useInvalidateMerchant } from "../applications/use-applications";
import { useDashboard } from "../dashboard/dashboard-context";
import { webhookKeys } from "./query-keys";

export function useWebhookEndpoints() {
  const { merchantId, mode } = useDashboard();
  return useQuery({
    queryKey: webhookKeys.list(merchantId, mode),
    queryFn: ({ signal }) => api.merchantWebhookEndpoints.list({ mode, limit: 100 }, { signal }),
  });
}

export function useWebhookEndpoint(id: string) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: webhookKeys.endpoint(merchantId, id),
    queryFn: ({ signal }) => api.merchantWebhookEndpoints.retrieve(id, { signal }),
  });
}

export function useWebhookDeliveries(id: string, status?: WebhookDeliveryListQuery["status"]) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: webhookKeys.deliveries(merchantId, id, status),
    queryFn: ({ signal }) => api.merchantWebhookEndpoints.deliveries(id, { status, limit: 100 }, { signal }),
    // Queued deliveries are attempted by the worker within seconds: show their outcome without a reload.
    refetchInterval: 3000,
  });
}

/** A change to an endpoint or its deliveries; afterwards every list and object of the merchant is refetched. */
function useChange<Input, Result>(call: (input: Input) => Promise<Result>) {
  const invalidate = useInvalidateMerchant();
  return useMutation({ mutationFn: call, onSuccess: invalidate });
}

type Endpoints = typeof merchantWebhookEndpoints;

export const useCreateWebhookEndpoint = () =>
  useChange((input: BodyParams<Endpoints["create"]>) => api.merchantWebhookEndpoints.create(input));
export const useUpdateWebhookEndpoint = (id: string) =>
  useChange((input: BodyParams<Endpoints["update"]>) => api.merchantWebhookEndpoints.update(id, input));
export const useDeleteWebhookEndpoint = (id: string) => useChange(() => api.merchantWebhookEndpoints.delete(id));
export const useTestWebhookEndpoint = (id: string) => useChange(() => api.merchantWebhookEndpoints.test(id));
export const useRotateWebhookSecret = (id: string) =>
  useChange((input: BodyParams<Endpoints["rotateSecret"]>) => api.merchantWebhookEndpoints.rotateSecret(id, input));
export const useRetryFailedWebhooks = (id: string) =>
  useChange((input: BodyParams<Endpoints["retryFailed"]>) => api.merchantWebhookEndpoints.retryFailed(id, input));
export const useResendWebhookDelivery = (id: string) =>
  useChange((deliveryId: string) => api.merchantWebhookEndpoints.resend(id, deliveryId));
