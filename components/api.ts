import type { managementResources } from "@/lib/contract";
import type { Resources } from "@/lib/sdk/client";
import type { TransportOptions } from "@/lib/sdk/http";

export { MerchantConsoleError } from "@/lib/sdk/errors";

type Api = Resources<typeof managementResources>;
type Methods = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;

/** The app's own origin with the session cookie (react-query does the retrying, so this transport does none). */
const TRANSPORT: TransportOptions = {
  baseUrl: "",
  maxRetries: 0,
  fetch: (input, init) => fetch(input, init),
  sleep: async () => undefined,
  idempotency: false,
  credentials: "same-origin",
};

let bound: Promise<Methods> | undefined;
/**
 * The contract (and zod with it) loads with the first call, not with the page: pages render their first data on the
 * server, so most page loads never need it.
 */
function client(): Promise<Methods> {
  bound ??= Promise.all([import("@/lib/contract"), import("@/lib/sdk/client")]).then(
    ([contract, sdk]) => sdk.bindResources(contract.managementResources, TRANSPORT) as unknown as Methods,
  );
  return bound;
}

/**
 * The dashboard's client of the management operations: the SDK's methods, derived from the contract
 * (`api.apiKeys.list(query)`, `api.applications.setStatus(id, body)`).
 */
export const api = new Proxy(
  {},
  {
    get: (_, group: string) =>
      new Proxy(
        {},
        {
          get:
            (__, operation: string) =>
            async (...args: unknown[]) =>
              (await client())[group]![operation]!(...args),
        },
      ),
  },
) as Api;
