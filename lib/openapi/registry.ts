import { z } from "zod";
import type { Scope } from "../auth/scopes";
import {
  checkoutSessionListQuerySchema,
  checkoutSessionSchema,
  createCheckoutSessionSchema,
} from "../validation/checkout-sessions";
import { listQuerySchema } from "../validation/common";
import {
  createCustomerSchema,
  customerListQuerySchema,
  customerSchema,
  updateCustomerSchema,
} from "../validation/customers";
import { eventListQuerySchema, eventSchema } from "../validation/events";
import { createPaymentLinkSchema, paymentLinkSchema, updatePaymentLinkSchema } from "../validation/payment-links";
import {
  createdWebhookEndpointSchema,
  createWebhookEndpointSchema,
  deletedWebhookEndpointSchema,
  updateWebhookEndpointSchema,
  webhookDeliveryListQuerySchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookTestResultSchema,
} from "../validation/webhooks";
import { managementRoutes } from "./management";
import { apiKeySelfSchema, listOf } from "./schemas";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * One route of /api/v1 as the OpenAPI document describes it. `path` uses OpenAPI templates (`{id}`); every
 * `{name}` becomes a required string path parameter. Schemas are the ones the route handler parses with.
 */
export interface RouteDescription {
  method: HttpMethod;
  path: string;
  /** `apiKey`: withApiKey (Bearer or X-Api-Key); `management`: a dashboard session cookie or a management token; `none`: public. */
  auth: "apiKey" | "management" | "none";
  /** The API key scope the route requires (null: none). */
  scope: Scope | null;
  /** Management routes: the dashboard role permission they require, if any. */
  permission?: string;
  tag: string;
  summary: string;
  description?: string;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Success status (default 200). */
  status?: number;
  /** Statuses besides the ones every route of its kind can answer (401, 403, 429, 500, 503). */
  errors?: number[];
}

const idempotent = "Send `Idempotency-Key` to make retries safe.";

export const apiKeyRoutes: RouteDescription[] = [
  {
    method: "GET",
    path: "/api/v1/me",
    auth: "apiKey",
    scope: null,
    tag: "Keys",
    summary: "The calling API key: mode, scopes, application, merchant",
    response: apiKeySelfSchema,
  },

  {
    method: "POST",
    path: "/api/v1/payment_links",
    auth: "apiKey",
    scope: "links:write",
    tag: "Payment links",
    summary: "Create a payment link",
    description: idempotent,
    body: createPaymentLinkSchema,
    response: paymentLinkSchema,
    status: 201,
    errors: [400],
  },
  {
    method: "GET",
    path: "/api/v1/payment_links",
    auth: "apiKey",
    scope: "links:read",
    tag: "Payment links",
    summary: "List payment links, newest first",
    query: listQuerySchema,
    response: listOf(paymentLinkSchema),
    errors: [400],
  },
  {
    method: "GET",
    path: "/api/v1/payment_links/{id}",
    auth: "apiKey",
    scope: "links:read",
    tag: "Payment links",
    summary: "Retrieve a payment link",
    response: paymentLinkSchema,
    errors: [404],
  },
  {
    method: "PATCH",
    path: "/api/v1/payment_links/{id}",
    auth: "apiKey",
    scope: "links:write",
    tag: "Payment links",
    summary: "Update a payment link's description or metadata",
    body: updatePaymentLinkSchema,
    response: paymentLinkSchema,
    errors: [400, 404],
  },
  {
    method: "POST",
    path: "/api/v1/payment_links/{id}/archive",
    auth: "apiKey",
    scope: "links:write",
    tag: "Payment links",
    summary: "Archive a payment link (active: false)",
    response: paymentLinkSchema,
    errors: [404],
  },

  {
    method: "POST",
    path: "/api/v1/customers",
    auth: "apiKey",
    scope: "customers:write",
    tag: "Customers",
    summary: "Create a customer",
    description: idempotent,
    body: createCustomerSchema,
    response: customerSchema,
    status: 201,
    errors: [400],
  },
  {
    method: "GET",
    path: "/api/v1/customers",
    auth: "apiKey",
    scope: "customers:read",
    tag: "Customers",
    summary: "List customers, newest first (filter by email)",
    query: customerListQuerySchema,
    response: listOf(customerSchema),
    errors: [400],
  },
  {
    method: "GET",
    path: "/api/v1/customers/{id}",
    auth: "apiKey",
    scope: "customers:read",
    tag: "Customers",
    summary: "Retrieve a customer",
    response: customerSchema,
    errors: [404],
  },
  {
    method: "PATCH",
    path: "/api/v1/customers/{id}",
    auth: "apiKey",
    scope: "customers:write",
    tag: "Customers",
    summary: "Update a customer (null clears a field)",
    body: updateCustomerSchema,
    response: customerSchema,
    errors: [400, 404],
  },

  {
    method: "POST",
    path: "/api/v1/checkout_sessions",
    auth: "apiKey",
    scope: "sessions:write",
    tag: "Checkout sessions",
    summary: "Create a checkout session",
    description: `Give exactly one of \`amount\` (with \`currency\`) or \`payment_link\` (its amount and currency are used). \`customer\` and \`payment_link\` must be objects of the same mode. The session is open for 24 hours. ${idempotent}`,
    body: createCheckoutSessionSchema,
    response: checkoutSessionSchema,
    status: 201,
    errors: [400],
  },
  {
    method: "GET",
    path: "/api/v1/checkout_sessions",
    auth: "apiKey",
    scope: "sessions:read",
    tag: "Checkout sessions",
    summary: "List checkout sessions, newest first (filter by status, customer)",
    query: checkoutSessionListQuerySchema,
    response: listOf(checkoutSessionSchema),
    errors: [400],
  },
  {
    method: "GET",
    path: "/api/v1/checkout_sessions/{id}",
    auth: "apiKey",
    scope: "sessions:read",
    tag: "Checkout sessions",
    summary: "Retrieve a checkout session",
    response: checkoutSessionSchema,
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/v1/checkout_sessions/{id}/expire",
    auth: "apiKey",
    scope: "sessions:write",
    tag: "Checkout sessions",
    summary: "Expire an open checkout session",
    description: "A session that is not open answers 400 `checkout_session_not_open`.",
    response: checkoutSessionSchema,
    errors: [400, 404],
  },
  {
    method: "POST",
    path: "/api/v1/test_helpers/checkout_sessions/{id}/complete",
    auth: "apiKey",
    scope: "sessions:write",
    tag: "Checkout sessions",
    summary: "Test mode: mark an open session paid",
    description:
      "Records `checkout.session.completed`. A live key gets 404; a session that is not open, 400 `checkout_session_not_open`.",
    response: checkoutSessionSchema,
    errors: [400, 404],
  },

  {
    method: "GET",
    path: "/api/v1/events",
    auth: "apiKey",
    scope: "events:read",
    tag: "Events",
    summary: "List events, newest first (filter by type and created range, unix seconds)",
    query: eventListQuerySchema,
    response: listOf(eventSchema),
    errors: [400],
  },
  {
    method: "GET",
    path: "/api/v1/events/{id}",
    auth: "apiKey",
    scope: "events:read",
    tag: "Events",
    summary: "Retrieve an event",
    response: eventSchema,
    errors: [404],
  },

  {
    method: "POST",
    path: "/api/v1/webhook_endpoints",
    auth: "apiKey",
    scope: "webhooks:write",
    tag: "Webhooks",
    summary: "Create a webhook endpoint",
    description:
      "The response carries the signing secret `whsec_…`, which is never shown again. URLs that resolve to loopback, private or link-local addresses are refused (400 `url_not_allowed`).",
    body: createWebhookEndpointSchema,
    response: createdWebhookEndpointSchema,
    status: 201,
    errors: [400],
  },
  {
    method: "GET",
    path: "/api/v1/webhook_endpoints",
    auth: "apiKey",
    scope: "webhooks:read",
    tag: "Webhooks",
    summary: "List webhook endpoints",
    query: listQuerySchema,
    response: listOf(webhookEndpointSchema),
    errors: [400],
  },
  {
    method: "GET",
    path: "/api/v1/webhook_endpoints/{id}",
    auth: "apiKey",
    scope: "webhooks:read",
    tag: "Webhooks",
    summary: "Retrieve a webhook endpoint",
    response: webhookEndpointSchema,
    errors: [404],
  },
  {
    method: "PATCH",
    path: "/api/v1/webhook_endpoints/{id}",
    auth: "apiKey",
    scope: "webhooks:write",
    tag: "Webhooks",
    summary: "Update url, enabled_events, description, metadata, or disable",
    body: updateWebhookEndpointSchema,
    response: webhookEndpointSchema,
    errors: [400, 404],
  },
  {
    method: "DELETE",
    path: "/api/v1/webhook_endpoints/{id}",
    auth: "apiKey",
    scope: "webhooks:write",
    tag: "Webhooks",
    summary: "Delete a webhook endpoint and its pending deliveries",
    response: deletedWebhookEndpointSchema,
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/v1/webhook_endpoints/{id}/test",
    auth: "apiKey",
    scope: "webhooks:write",
    tag: "Webhooks",
    summary: "Send a signed webhook_endpoint.test event now and report the answer",
    response: webhookTestResultSchema,
    errors: [404],
  },
  {
    method: "GET",
    path: "/api/v1/webhook_endpoints/{id}/deliveries",
    auth: "apiKey",
    scope: "webhooks:read",
    tag: "Webhooks",
    summary: "List an endpoint's deliveries with their attempts",
    description:
      "Each delivery shows its status (pending, succeeded, failed), attempt count, next attempt time and a log of its attempts.",
    query: webhookDeliveryListQuerySchema,
    response: listOf(webhookDeliverySchema),
    errors: [400, 404],
  },

  {
    method: "GET",
    path: "/api/v1/openapi.json",
    auth: "none",
    scope: null,
    tag: "Meta",
    summary: "This OpenAPI 3.1 document",
    response: z.record(z.string(), z.unknown()),
  },
];

/** Every documented route. Add a route here when you add a route file: a test walks app/api/v1 and checks. */
export const apiRoutes: RouteDescription[] = [...apiKeyRoutes, ...managementRoutes];
