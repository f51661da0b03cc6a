import { z } from "zod";
import "./messages";
import { SCOPES, type Scope } from "./vocabulary";

export { KEY_RESOURCES, SCOPES, type KeyResource, type Scope } from "./vocabulary";

export const scopeSchema = z.enum(SCOPES);
export const scopeListSchema = z.array(scopeSchema).transform((list) => [...new Set(list)]);

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Scopes read back from the database; anything no longer known is dropped, never granted. */
export function scopesFromJson(value: unknown): Scope[] {
  return Array.isArray(value) ? value.filter((s): s is Scope => typeof s === "string" && isScope(s)) : [];
}
