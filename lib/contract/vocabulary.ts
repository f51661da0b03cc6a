// The names the contract and the dashboard share, without zod: the browser's first load of a dashboard page needs
// these (the mode toggle, the scope summary, the status filter) but none of the schemas, which load with the forms.

/**
 * What an API key reaches, by the name its scopes use: each resource's collection (its path and OpenAPI tag) and the
 * actions a scope can grant on it. In the order every list of scopes follows.
 */
export const KEY_RESOURCES = {
  links: { path: "/api/v1/payment_links", tag: "Payment links", actions: ["read", "write"] },
  sessions: { path: "/api/v1/checkout_sessions", tag: "Checkout sessions", actions: ["read", "write"] },
  webhooks: { path: "/api/v1/webhook_endpoints", tag: "Webhooks", actions: ["read", "write"] },
  events: { path: "/api/v1/events", tag: "Events", actions: ["read"] },
  customers: { path: "/api/v1/customers", tag: "Customers", actions: ["read", "write"] },
} as const;
export type KeyResource = keyof typeof KEY_RESOURCES;
type ActionOf<Resource extends KeyResource> = (typeof KEY_RESOURCES)[Resource]["actions"][number];

/** Every scope a key can hold: `resource:action`. Read does not imply write. */
export type Scope = { [Resource in KeyResource]: `${Resource}:${ActionOf<Resource>}` }[KeyResource];
export const SCOPES = Object.entries(KEY_RESOURCES).flatMap(([resource, { actions }]) =>
  actions.map((action) => `${resource}:${action}`),
) as readonly Scope[];

export const KEY_MODES = ["test", "live"] as const;
export type KeyMode = (typeof KEY_MODES)[number];

export const API_KEY_STATUSES = ["active", "revoked", "expired"] as const;

/** The usage charts' two windows: 24 hourly buckets ending with the current hour, or 30 daily ones ending today (UTC). */
export const USAGE_RANGES = { "24h": { unit: "hour", buckets: 24 }, "30d": { unit: "day", buckets: 30 } } as const;
export type UsageRange = keyof typeof USAGE_RANGES;
