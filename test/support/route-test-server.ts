import { afterAll, beforeAll } from "vitest";
import { createManagementToken } from "@/lib/accounts/management-tokens";
import { appContext } from "@/lib/keys";
import { Client, ManagementClient, MerchantConsoleError } from "@/lib/sdk";
import { signIn } from "./fixtures";
import { startTestServer, type TestServer } from "./http-server";

/**
 * The route tests' server: started before this file's tests and closed after them. `sdk(key)` is a client for
 * it with retries off, so a test sees each response as the server sent it; `manager(options)` signs a member in
 * (an owner of a new merchant unless told) and gives their management client, with a token of theirs.
 */
export function routeTestServer() {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());
  const url = () => {
    if (!server) throw new Error("routeTestServer(): the server starts in beforeAll; use it inside a test");
    return server.url;
  };
  return {
    get url() {
      return url();
    },
    sdk: (apiKey: string) => new Client({ apiKey, baseUrl: url(), maxRetries: 0 }),
    async manager(options: Parameters<typeof signIn>[0] = {}) {
      const member = await signIn(options);
      const { token } = await createManagementToken(appContext, {
        merchantId: member.merchantId,
        userId: member.user.id,
        token: { name: "test", expiresIn: "1h" },
      });
      return { ...member, api: new ManagementClient({ apiKey: token, baseUrl: url(), maxRetries: 0 }) };
    },
  };
}

/** The MerchantConsoleError a call rejects with (and a failed test if it resolves or throws anything else). */
export async function failure(promise: Promise<unknown>): Promise<MerchantConsoleError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof MerchantConsoleError))
    throw new Error(`expected a MerchantConsoleError, got ${String(error)}`);
  return error;
}
