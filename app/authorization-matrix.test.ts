import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfigForTests } from "@/lib/config";
import { operations } from "@/lib/contract";
import { pathParamNames, type OperationSpec } from "@/lib/contract/operation";
import { authRuntime } from "@/lib/keys";
import { generateSecret } from "@/lib/keys/format";
import { bearer, routeTestServer } from "@/test/support";
import { contractWorld, objectOf, pathOf, validBodies, type ContractWorld } from "@/test/support/contract-world";

/**
 * Every operation of the contract against every way of calling it wrongly, with the exact status and code each
 * must answer. An operation joins by being in the contract; one addressing a new kind of object also needs that
 * object in `contractWorld` (and one with a body, an entry in its `validBodies`), which the suite checks.
 */

// The receivers' URL is loopback, which only this flag allows; the suite never delivers to it.
overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });
const server = routeTestServer();

type Headers = Record<string, string>;
interface Case {
  name: string;
  headers: Headers;
  expected: `${number} ${string}`;
  /** The owner whose objects fill the path; `a` unless the case is about reaching another's. */
  pathOwner?: "a";
}

let a: ContractWorld;

function call(op: OperationSpec, headers: Headers): Promise<Response> {
  const path = pathOf(op, a.objects);
  const hasBody = op.method !== "GET" && op.method !== "DELETE";
  const body = validBodies[`${op.method} ${op.path}`] ?? {};
  return fetch(`${server.url}${path}`, {
    method: op.method,
    headers: hasBody ? { ...headers, "Content-Type": "application/json" } : headers,
    body: hasBody ? JSON.stringify(body) : undefined,
    redirect: "manual",
  });
}

function apiKeyCases(op: OperationSpec & { auth: { kind: "apiKey" } }): Case[] {
  const h = a.headers;
  const addressesObject = op.path.includes("{");
  return [
    { name: "no credential", headers: {}, expected: "401 missing_api_key" },
    { name: "a malformed key", headers: bearer("ck_test_short"), expected: "401 invalid_api_key" },
    { name: "a bad checksum", headers: h.forged, expected: "401 invalid_api_key" },
    { name: "an unknown key", headers: bearer(generateSecret("test")), expected: "401 invalid_api_key" },
    { name: "a revoked key", headers: h.revoked, expected: "401 revoked_api_key" },
    { name: "an expired key", headers: h.expired, expected: "401 expired_api_key" },
    { name: "a disabled application's key", headers: h.disabled, expected: "401 application_disabled" },
    ...(op.auth.scope
      ? [{ name: "a key without the scope", headers: h.scopeless, expected: "403 missing_scope" } as const]
      : []),
    { name: "a dashboard session", headers: h.owner, expected: "401 missing_api_key" },
    { name: "a management token", headers: h.token, expected: "401 invalid_api_key" },
    ...(addressesObject
      ? ([
          { name: "another owner's object", headers: h.otherKey, expected: "404 resource_missing" },
          { name: "the other mode's object", headers: h.liveKey, expected: "404 resource_missing" },
        ] as const)
      : []),
  ];
}

function sessionCases(op: OperationSpec & { auth: { kind: "session" } }): Case[] {
  const h = a.headers;
  const { permission, sessionOnly } = op.auth;
  // A session-only route refuses any token before reading it.
  const token = (expected: Case["expected"]): Case["expected"] => (sessionOnly ? "401 session_required" : expected);
  return [
    { name: "no credential", headers: {}, expected: "401 not_signed_in" },
    {
      name: "a malformed session cookie",
      headers: { Cookie: "authjs.session-token=not-a-session", Origin: server.url },
      expected: "401 not_signed_in",
    },
    { name: "a malformed token", headers: bearer("a.b.c"), expected: token("401 invalid_management_token") },
    { name: "a revoked token", headers: h.revokedToken, expected: token("401 invalid_management_token") },
    { name: "an expired token", headers: h.expiredToken, expected: token("401 invalid_management_token") },
    { name: "an API key", headers: h.key, expected: "401 api_key_not_allowed" },
    ...(sessionOnly
      ? [
          {
            name: "a management token on a session-only route",
            headers: h.token,
            expected: "401 session_required",
          } as const,
        ]
      : []),
    ...(permission
      ? [{ name: "a member without the permission", headers: h.developer, expected: "403 missing_permission" } as const]
      : []),
    ...(op.path.includes("{")
      ? [{ name: "another merchant's object", headers: h.otherOwner, expected: "404 resource_missing" } as const]
      : []),
  ];
}

const guarded = operations.filter((op) => op.auth.kind !== "public");

beforeAll(async () => {
  a = await contractWorld(server);
  // Every operation gets an unknown key: more than one address may send a minute before its lockout.
  authRuntime.verifier.failedLookupLimit = 10_000;
});
afterAll(() => {
  authRuntime.verifier.failedLookupLimit = undefined;
});

describe("the authorization matrix", () => {
  it("covers every guarded operation, with a valid body for each that addresses an object", () => {
    expect(guarded.length).toBeGreaterThan(30);
    for (const op of guarded) {
      for (const name of pathParamNames(op.path)) expect(Object.keys(a.objects)).toContain(objectOf(op.path, name));
      if (op.body && op.path.includes("{") && op.method !== "POST")
        expect(Object.keys(validBodies)).toContain(`${op.method} ${op.path}`);
    }
  });

  it.each(guarded.map((op) => [`${op.method} ${op.path}`, op] as const))("%s", async (_name, op) => {
    const cases = op.auth.kind === "apiKey" ? apiKeyCases(op as never) : sessionCases(op as never);
    const answers: string[] = [];
    const expected: string[] = [];
    for (const testCase of cases) {
      const response = await call(op, testCase.headers);
      const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; requestId?: string } };
      answers.push(`${testCase.name}: ${response.status} ${body.error?.code ?? "(no error)"}`);
      expected.push(`${testCase.name}: ${testCase.expected}`);
      if (body.error) expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
    }
    expect(answers).toEqual(expected);
  });
});
