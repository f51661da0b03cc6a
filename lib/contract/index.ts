// The contract: every operation of the HTTP API, declared once with its schemas (zod only, no server code).
import { invites, managementTokens, members, merchants } from "./accounts";
import { apiKeys, me } from "./api-keys";
import { applications } from "./applications";
import { auditEvents } from "./audit-events";
import { checkoutSessions, merchantCheckoutSessions } from "./checkout-sessions";
import { customers, merchantCustomers } from "./customers";
import { events } from "./events";
import { merchantEvents } from "./merchant-events";
import { merchantWebhookEndpoints } from "./merchant-webhooks";
import { meta } from "./meta";
import type { OperationSpec } from "./operation";
import { merchantPaymentLinks, paymentLinks } from "./payment-links";
import { requestLogs } from "./request-logs";
import { unclaimedKeys } from "./unclaimed-keys";
import { usage } from "./usage";
import { webhookEndpoints } from "./webhooks";

export * from "./accounts";
export * from "./api-keys";
export * from "./applications";
export * from "./audit-events";
export * from "./checkout-sessions";
export * from "./common";
export * from "./customers";
export * from "./events";
export * from "./merchant-objects";
export * from "./merchant-events";
export * from "./merchant-webhooks";
export * from "./meta";
export * from "./operation";
export * from "./payment-links";
export * from "./request-logs";
export * from "./roles";
export * from "./scopes";
export * from "./unclaimed-keys";
export * from "./usage";
export * from "./webhooks";

/** What a backend calls with an API key: the SDK's resources. */
export const apiKeyResources = { me, paymentLinks, customers, checkoutSessions, events, webhookEndpoints };

/** What the dashboard (or a management token) calls. */
export const managementResources = {
  merchants,
  members,
  invites,
  managementTokens,
  applications,
  apiKeys,
  merchantPaymentLinks,
  merchantCustomers,
  merchantCheckoutSessions,
  merchantEvents,
  merchantWebhookEndpoints,
  requestLogs,
  usage,
  auditEvents,
};

/** Every operation, grouped as the SDK and the dashboard name them. */
export const resources = { ...apiKeyResources, ...managementResources, unclaimedKeys, meta };

export const operations: readonly OperationSpec[] = Object.values(resources).flatMap((resource): OperationSpec[] =>
  Object.values(resource),
);
