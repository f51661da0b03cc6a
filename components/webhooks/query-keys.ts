import type { KeyMode, WebhookDeliveryListQuery } from "@/lib/contract";

/** Under the merchant's key, so a change anywhere refetches them and another merchant's never show. */
export const webhookKeys = {
  list: (merchantId: string, mode: KeyMode) => ["merchant", merchantId, "webhook-endpoints", mode] as const,
  endpoint: (merchantId: string, id: string) => ["merchant", merchantId, "webhook-endpoint", id] as const,
  deliveries: (merchantId: string, id: string, status: WebhookDeliveryListQuery["status"] | undefined) =>
    ["merchant", merchantId, "webhook-endpoint", id, "deliveries", status ?? "all"] as const,
};
