import { randomBytes } from "node:crypto";
import { createManagementToken } from "@/lib/accounts/management-tokens";
import { SCOPES, type Scope } from "@/lib/contract/scopes";
import { appContext } from "@/lib/keys";
import { signIn } from "./fixtures";

/** One HTTP answer, its body parsed when it is JSON. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the route answered
}

export async function call(
  base: string,
  method: string,
  path: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(token && { Authorization: `Bearer ${token}` }),
      ...(body !== undefined && { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/**
 * A merchant with a signed-in owner and a management token, driving the management API of whichever instance a
 * call names: what a merchant's dashboard or script does, over real HTTP.
 */
export async function merchantConsole() {
  const { user, merchantId } = await signIn();
  const { token } = await createManagementToken(appContext, {
    merchantId,
    userId: user.id,
    token: { name: "cluster suite", expiresIn: "24h" },
  });
  const manage = async (base: string, method: string, path: string, body?: unknown) => {
    const answer = await call(base, method, path, { token, body });
    if (answer.status >= 400) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  return {
    merchantId,
    manage,
    async createApplication(base: string): Promise<string> {
      const app = await manage(base, "POST", "/api/v1/applications", { name: `App ${randomBytes(4).toString("hex")}` });
      return app.id as string;
    },
    /** Creates a key through `base`'s management API; returns its id and secret. */
    async createKey(base: string, applicationId: string, scopes: readonly Scope[] = SCOPES) {
      const created = await manage(base, "POST", `/api/v1/applications/${applicationId}/api-keys`, {
        description: "cluster key",
        scopes,
      });
      return { id: created.id as string, secret: created.fullKey as string, applicationId };
    },
  };
}
