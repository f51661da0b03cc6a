import { request, type Fetch, type QueryValue, type RequestOptions, type TransportOptions } from "./http";
import type * as T from "./types";

export interface ClientOptions {
  /** `ck_test_…` or `ck_live_…`. */
  apiKey: string;
  /** Where the app runs, e.g. https://console.example.com (default http://localhost:3000). */
  baseUrl?: string;
  /** Retries after a network error, a 429 or a 5xx (default 2). */
  maxRetries?: number;
  /** A fetch implementation (default: the global fetch). */
  fetch?: Fetch;
  /** How to wait between retries (default setTimeout); tests inject one. */
  sleep?: (ms: number) => Promise<void>;
}

const id = (value: string) => encodeURIComponent(value);
const query = (params: object | undefined) => params as Record<string, QueryValue> | undefined;

/** A typed client for /api/v1: one method per route, grouped by resource. */
export class Client {
  private readonly transport: TransportOptions;

  constructor(options: ClientOptions) {
    if (!options.apiKey) throw new TypeError("Client: apiKey is required");
    this.transport = {
      apiKey: options.apiKey,
      baseUrl: options.baseUrl ?? "http://localhost:3000",
      maxRetries: Math.max(0, options.maxRetries ?? 2),
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
  }

  private get<R>(path: string, params?: object, options?: RequestOptions) {
    return request<R>(this.transport, "GET", path, { query: query(params) }, options);
  }
  private post<R>(path: string, body?: unknown, options?: RequestOptions) {
    return request<R>(this.transport, "POST", path, { body }, options);
  }
  private patch<R>(path: string, body: unknown, options?: RequestOptions) {
    return request<R>(this.transport, "PATCH", path, { body }, options);
  }
  private delete<R>(path: string, options?: RequestOptions) {
    return request<R>(this.transport, "DELETE", path, {}, options);
  }

  /** The calling key: its mode, scopes, application and merchant. */
  me(options?: RequestOptions) {
    return this.get<T.ApiKeySelf>("/me", undefined, options);
  }

  readonly paymentLinks = {
    create: (params: T.PaymentLinkCreateParams, options?: RequestOptions) =>
      this.post<T.PaymentLink>("/payment_links", params, options),
    list: (params?: T.ListParams, options?: RequestOptions) =>
      this.get<T.List<T.PaymentLink>>("/payment_links", params, options),
    retrieve: (linkId: string, options?: RequestOptions) =>
      this.get<T.PaymentLink>(`/payment_links/${id(linkId)}`, undefined, options),
    update: (linkId: string, params: T.PaymentLinkUpdateParams, options?: RequestOptions) =>
      this.patch<T.PaymentLink>(`/payment_links/${id(linkId)}`, params, options),
    archive: (linkId: string, options?: RequestOptions) =>
      this.post<T.PaymentLink>(`/payment_links/${id(linkId)}/archive`, undefined, options),
  };

  readonly customers = {
    create: (params: T.CustomerCreateParams, options?: RequestOptions) =>
      this.post<T.Customer>("/customers", params, options),
    list: (params?: T.CustomerListParams, options?: RequestOptions) =>
      this.get<T.List<T.Customer>>("/customers", params, options),
    retrieve: (customerId: string, options?: RequestOptions) =>
      this.get<T.Customer>(`/customers/${id(customerId)}`, undefined, options),
    update: (customerId: string, params: T.CustomerUpdateParams, options?: RequestOptions) =>
      this.patch<T.Customer>(`/customers/${id(customerId)}`, params, options),
  };

  readonly checkoutSessions = {
    create: (params: T.CheckoutSessionCreateParams, options?: RequestOptions) =>
      this.post<T.CheckoutSession>("/checkout_sessions", params, options),
    list: (params?: T.CheckoutSessionListParams, options?: RequestOptions) =>
      this.get<T.List<T.CheckoutSession>>("/checkout_sessions", params, options),
    retrieve: (sessionId: string, options?: RequestOptions) =>
      this.get<T.CheckoutSession>(`/checkout_sessions/${id(sessionId)}`, undefined, options),
    expire: (sessionId: string, options?: RequestOptions) =>
      this.post<T.CheckoutSession>(`/checkout_sessions/${id(sessionId)}/expire`, undefined, options),
    testHelpers: {
      /** Test mode only: marks an open session paid (`checkout.session.completed`). */
      complete: (sessionId: string, options?: RequestOptions) =>
        this.post<T.CheckoutSession>(`/test_helpers/checkout_sessions/${id(sessionId)}/complete`, undefined, options),
    },
  };

  readonly events = {
    list: (params?: T.EventListParams, options?: RequestOptions) =>
      this.get<T.List<T.Event>>("/events", params, options),
    retrieve: (eventId: string, options?: RequestOptions) =>
      this.get<T.Event>(`/events/${id(eventId)}`, undefined, options),
  };

  readonly webhookEndpoints = {
    /** The response's `secret` is shown only here: store it to verify signatures. */
    create: (params: T.WebhookEndpointCreateParams, options?: RequestOptions) =>
      this.post<T.CreatedWebhookEndpoint>("/webhook_endpoints", params, options),
    list: (params?: T.ListParams, options?: RequestOptions) =>
      this.get<T.List<T.WebhookEndpoint>>("/webhook_endpoints", params, options),
    retrieve: (endpointId: string, options?: RequestOptions) =>
      this.get<T.WebhookEndpoint>(`/webhook_endpoints/${id(endpointId)}`, undefined, options),
    update: (endpointId: string, params: T.WebhookEndpointUpdateParams, options?: RequestOptions) =>
      this.patch<T.WebhookEndpoint>(`/webhook_endpoints/${id(endpointId)}`, params, options),
    delete: (endpointId: string, options?: RequestOptions) =>
      this.delete<T.DeletedWebhookEndpoint>(`/webhook_endpoints/${id(endpointId)}`, options),
    /** Sends a signed `webhook_endpoint.test` event now and reports the endpoint's answer. */
    test: (endpointId: string, options?: RequestOptions) =>
      this.post<T.WebhookTestResult>(`/webhook_endpoints/${id(endpointId)}/test`, undefined, options),
    deliveries: (endpointId: string, params?: T.WebhookDeliveryListParams, options?: RequestOptions) =>
      this.get<T.List<T.WebhookDelivery>>(`/webhook_endpoints/${id(endpointId)}/deliveries`, params, options),
  };
}
