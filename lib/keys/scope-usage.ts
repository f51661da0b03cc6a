import type { Context } from "../context";
import { operations, UNUSED_SCOPE_DAYS, type Scope } from "../contract";

interface ScopedRoute {
  method: string;
  pattern: RegExp;
  scope: Scope;
}

/** Every API-key operation that needs a scope, as a matcher of the request log's method and path. */
const SCOPED_ROUTES: readonly ScopedRoute[] = operations.flatMap((op): ScopedRoute[] => {
  if (op.auth.kind !== "apiKey" || !op.auth.scope) return [];
  const pattern = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}/?$`);
  return [{ method: op.method, pattern, scope: op.auth.scope }];
});

/** The scope a logged request needed, or null when it needed none (or matched no operation). */
export function scopeOfRequest(method: string, path: string): Scope | null {
  const bare = path.split("?")[0] ?? path;
  return SCOPED_ROUTES.find((route) => route.method === method && route.pattern.test(bare))?.scope ?? null;
}

// Enough distinct (method, path) pairs to see every scope a key uses without reading its whole history.
const DISTINCT_REQUESTS_READ = 5000;

/** The granted scopes that none of the key's requests of the last 30 days needed, in the order they were granted. */
export async function unusedScopes(
  { db, now }: Context,
  { keyId, granted }: { keyId: string; granted: readonly Scope[] },
): Promise<Scope[]> {
  if (granted.length === 0) return [];
  const since = new Date(now().getTime() - UNUSED_SCOPE_DAYS * 86_400_000);
  const requests = await db.requestLog.findMany({
    where: { apiKeyId: keyId, createdAt: { gte: since } },
    distinct: ["method", "path"],
    select: { method: true, path: true },
    take: DISTINCT_REQUESTS_READ,
  });
  const used = new Set(requests.map((request) => scopeOfRequest(request.method, request.path)));
  return granted.filter((scope) => !used.has(scope));
}
