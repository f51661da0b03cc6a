// Types only, inferred from the zod schemas the routes validate with: the SDK ships no server code.
import type { z } from "zod";
import type { ApiKeySelf } from "../openapi/schemas";
import type {
  CheckoutSession,
  checkoutSessionListQuerySchema,
  createCheckoutSessionSchema,
} from "../validation/checkout-sessions";
import type { ListQuery } from "../validation/common";
import type {
  createCustomerSchema,
  Customer,
  customerListQuerySchema,
  updateCustomerSchema,
} from "../validation/customers";
import type { Event, EventListQuery } from "../validation/events";
import type { createPaymentLinkSchema, PaymentLink, updatePaymentLinkSchema } from "../validation/payment-links";
import type {
  CreatedWebhookEndpoint,
  createWebhookEndpointSchema,
  DeletedWebhookEndpoint,
  updateWebhookEndpointSchema,
  WebhookDelivery,
  webhookDeliveryListQuerySchema,
  WebhookEndpoint,
  WebhookTestResult,
} from "../validation/webhooks";

export type {
  ApiKeySelf,
  CheckoutSession,
  Customer,
  Event,
  PaymentLink,
  CreatedWebhookEndpoint,
  DeletedWebhookEndpoint,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookTestResult,
};

export interface List<T> {
  object: "list";
  url: string;
  has_more: boolean;
  data: T[];
}

export type ListParams = Partial<ListQuery>;
export type PaymentLinkCreateParams = z.input<typeof createPaymentLinkSchema>;
export type PaymentLinkUpdateParams = z.input<typeof updatePaymentLinkSchema>;
export type CustomerCreateParams = z.input<typeof createCustomerSchema>;
export type CustomerUpdateParams = z.input<typeof updateCustomerSchema>;
export type CustomerListParams = Partial<z.output<typeof customerListQuerySchema>>;
export type CheckoutSessionCreateParams = z.input<typeof createCheckoutSessionSchema>;
export type CheckoutSessionListParams = Partial<z.output<typeof checkoutSessionListQuerySchema>>;
export type EventListParams = Partial<EventListQuery>;
export type WebhookEndpointCreateParams = z.input<typeof createWebhookEndpointSchema>;
export type WebhookEndpointUpdateParams = z.input<typeof updateWebhookEndpointSchema>;
export type WebhookDeliveryListParams = Partial<z.output<typeof webhookDeliveryListQuerySchema>>;
