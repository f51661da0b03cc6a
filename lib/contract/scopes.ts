import { z } from "zod";
import "./messages";

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

export const scopeSchema = z.enum(SCOPES);
export const scopeListSchema = z.array(scopeSchema).transform((list) => [...new Set(list)]);

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Scopes read back from the database; anything no longer known is dropped, never granted. */
export function scopesFromJson(value: unknown): Scope[] {
  return Array.isArray(value) ? value.filter((s): s is Scope => typeof s === "string" && isScope(s)) : [];
}
