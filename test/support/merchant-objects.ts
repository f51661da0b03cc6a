import { createManagementToken } from "@/lib/accounts/management-tokens";
import { appContext } from "@/lib/keys";
import { ManagementClient, type Client } from "@/lib/sdk";
import { createKey, signIn } from "./fixtures";

type Server = { readonly url: string; sdk(apiKey: string): Client };

/**
 * A signed-in owner whose merchant has a test and a live key (clients with every scope, as a backend has) and a
 * management token (the ManagementClient the dashboard's operations are called through).
 */
export async function merchantWithKeys(server: Server) {
  const owner = await signIn();
  const test = await createKey({ merchantId: owner.merchantId });
  const live = await createKey({ merchantId: owner.merchantId, applicationId: test.applicationId, mode: "live" });
  const { token } = await createManagementToken(appContext, {
    merchantId: owner.merchantId,
    userId: owner.user.id,
    token: { name: "tests", expiresIn: "1h" },
  });
  return {
    owner,
    testKey: server.sdk(test.secret),
    liveKey: server.sdk(live.secret),
    management: new ManagementClient({ apiKey: token, baseUrl: server.url, maxRetries: 0 }),
  };
}

/** What the dashboard's browser sends: the session cookie, and the app's own Origin on a mutation. */
export async function dashboardCall(server: Server, cookie: string, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { Cookie: cookie, "Content-Type": "application/json" };
  if (method !== "GET") headers.Origin = server.url;
  const response = await fetch(`${server.url}/api/v1/merchant${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown> & {
    error?: { code: string; param?: string; message: string };
  };
  return { status: response.status, body: json, code: json.error?.code, param: json.error?.param };
}
