"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { CheckoutSession, Customer, merchantCustomers, merchantPaymentLinks, PaymentLink } from "@/lib/contract";
import type { BodyParams } from "@/lib/sdk";
import { api } from "../api";
import { useInvalidateMerchant } from "../applications/use-applications";
import { useDashboard } from "../dashboard/dashboard-context";
import { paymentKeys, type PaymentObjectKind } from "./query-keys";

/** A list's query as `listQueryOf` builds it from the URL; the API checks it (a bad filter is its 400). */
type ListQuery = Record<string, string | number>;
type InputOf<List extends (...args: never[]) => unknown> = Parameters<List>[0];

/** One page of a list: the server rendered the first one into the cache; a new filter keeps the old page shown. */
function useList<Page>(kind: PaymentObjectKind, query: ListQuery, list: (signal: AbortSignal) => Promise<Page>) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: paymentKeys.list(merchantId, kind, query),
    queryFn: ({ signal }) => list(signal),
    placeholderData: keepPreviousData,
  });
}

export const usePaymentLinkList = (query: ListQuery) =>
  useList("payment-links", query, (signal) =>
    api.merchantPaymentLinks.list(query as InputOf<typeof api.merchantPaymentLinks.list>, { signal }),
  );
export const useCustomerList = (query: ListQuery) =>
  useList("customers", query, (signal) =>
    api.merchantCustomers.list(query as InputOf<typeof api.merchantCustomers.list>, { signal }),
  );
export const useCheckoutSessionList = (query: ListQuery) =>
  useList("checkout-sessions", query, (signal) =>
    api.merchantCheckoutSessions.list(query as InputOf<typeof api.merchantCheckoutSessions.list>, { signal }),
  );

function useObject<Item>(kind: PaymentObjectKind, id: string, retrieve: (signal: AbortSignal) => Promise<Item>) {
  const { merchantId } = useDashboard();
  return useQuery({ queryKey: paymentKeys.object(merchantId, kind, id), queryFn: ({ signal }) => retrieve(signal) });
}

export const usePaymentLink = (id: string) =>
  useObject<PaymentLink>("payment-links", id, (signal) => api.merchantPaymentLinks.retrieve(id, { signal }));
export const useCustomer = (id: string) =>
  useObject<Customer>("customers", id, (signal) => api.merchantCustomers.retrieve(id, { signal }));
export const useCheckoutSession = (id: string) =>
  useObject<CheckoutSession>("checkout-sessions", id, (signal) =>
    api.merchantCheckoutSessions.retrieve(id, { signal }),
  );

/** The events recorded for one object, newest first (the first 100). */
export function useObjectEvents(objectId: string) {
  const { merchantId } = useDashboard();
  return useQuery({
    queryKey: paymentKeys.events(merchantId, objectId),
    queryFn: ({ signal }) => api.merchantEvents.list({ object: objectId, limit: 100 }, { signal }),
  });
}

/** A change to one of the merchant's objects; afterwards every list and object of the merchant is refetched. */
function useChange<Input, Result>(call: (input: Input) => Promise<Result>) {
  const invalidate = useInvalidateMerchant();
  return useMutation({ mutationFn: call, onSuccess: invalidate });
}

export const useCreatePaymentLink = () =>
  useChange((input: BodyParams<typeof merchantPaymentLinks.create>) => api.merchantPaymentLinks.create(input));
export const useCreateCustomer = () =>
  useChange((input: BodyParams<typeof merchantCustomers.create>) => api.merchantCustomers.create(input));
export const useArchivePaymentLink = () => useChange((id: string) => api.merchantPaymentLinks.archive(id));
export const useExpireCheckoutSession = () => useChange((id: string) => api.merchantCheckoutSessions.expire(id));
export const useCompleteCheckoutSession = () => useChange((id: string) => api.merchantCheckoutSessions.complete(id));
