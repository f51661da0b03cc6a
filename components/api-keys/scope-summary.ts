import { KEY_RESOURCES, SCOPES, type Scope } from "@/lib/contract/vocabulary";

/**
 * A key's scopes in one short line, by resource in the contract's order: "links: read/write · customers: read".
 * Every scope reads "all scopes"; none, what such a key can still call.
 */
export function scopeSummary(scopes: readonly Scope[]): string {
  if (scopes.length === 0) return "none (only /api/v1/me)";
  if (SCOPES.every((scope) => scopes.includes(scope))) return "all scopes";
  return Object.keys(KEY_RESOURCES)
    .map((resource) => {
      const actions = scopes.filter((scope) => scope.startsWith(`${resource}:`)).map((scope) => scope.split(":")[1]);
      return actions.length ? `${resource}: ${actions.join("/")}` : null;
    })
    .filter(Boolean)
    .join(" · ");
}
