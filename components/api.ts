import { managementResources } from "@/lib/contract";
import { bindResources } from "@/lib/sdk/client";

export { MerchantConsoleError } from "@/lib/sdk/errors";

/**
 * The dashboard's client of the management operations: the SDK's methods, derived from the contract, calling the
 * app's own origin with the session cookie (react-query does the retrying, so this transport does none).
 */
export const api = bindResources(managementResources, {
  baseUrl: "",
  maxRetries: 0,
  fetch: (input, init) => fetch(input, init),
  sleep: async () => undefined,
  idempotency: false,
  credentials: "same-origin",
});
