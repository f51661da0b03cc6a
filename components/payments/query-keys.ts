// Under the merchant's key, so any change the dashboard makes (useInvalidateMerchant) refetches these too.

export type PaymentObjectKind = "payment-links" | "customers" | "checkout-sessions";

export const paymentKeys = {
  list: (merchantId: string, kind: PaymentObjectKind, query: Record<string, unknown>) =>
    ["merchant", merchantId, kind, "list", query] as const,
  object: (merchantId: string, kind: PaymentObjectKind, id: string) => ["merchant", merchantId, kind, id] as const,
  events: (merchantId: string, objectId: string) => ["merchant", merchantId, "events", objectId] as const,
};
