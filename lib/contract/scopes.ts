import { z } from "zod";

/** Every scope a key can hold: `resource:action`. Read does not imply write. */
export const SCOPES = [
  "links:read",
  "links:write",
  "sessions:read",
  "sessions:write",
  "webhooks:read",
  "webhooks:write",
  "events:read",
  "customers:read",
  "customers:write",
] as const;

export type Scope = (typeof SCOPES)[number];
export const scopeSchema = z.enum(SCOPES);
export const scopeListSchema = z.array(scopeSchema).transform((list) => [...new Set(list)]);

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Scopes read back from the database; anything no longer known is dropped, never granted. */
export function scopesFromJson(value: unknown): Scope[] {
  return Array.isArray(value) ? value.filter((s): s is Scope => typeof s === "string" && isScope(s)) : [];
}
