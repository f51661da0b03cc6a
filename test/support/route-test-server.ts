import { afterAll, beforeAll } from "vitest";
import { Client, MerchantConsoleError } from "@/lib/sdk";
import { startTestServer, type TestServer } from "./http-server";

/**
 * The route tests' server: started before this file's tests and closed after them. `sdk(key)` is a client for
 * it with retries off, so a test sees each response as the server sent it.
 */
export function routeTestServer(): { readonly url: string; sdk(apiKey: string): Client } {
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
