import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { config, overrideConfigForTests } from "@/lib/config";
import { operations } from "@/lib/contract";
import type { OperationSpec } from "@/lib/contract/operation";
import { db } from "@/lib/db";
import { authRuntime } from "@/lib/keys";
import { jsonSchemaOf } from "@/lib/openapi/document";
import { routeTestServer } from "@/test/support";
import { contractWorld, pathOf, validBodies, type ContractWorld } from "@/test/support/contract-world";

/**
 * Bad input for every operation with a body or a query, generated from its schemas with fast-check: wrong types,
 * boundary numbers, huge strings, deep nesting, prototype keys, lone surrogates and NUL characters, unknown fields,
 * repeated and malformed query keys. Every answer must be a 4xx (or a success) in the error envelope, never a 5xx,
 * name the parameter it refuses where one applies, and a refused request must leave every table as it was.
 * FUZZ_SEED fixes the cases (CI sends the same every run); FUZZ_RUNS sets how many per operation.
 */

overrideConfigForTests({ WEBHOOK_ALLOW_PRIVATE: "1" });
const server = routeTestServer();
let world: ContractWorld;

const nested = (depth: number): unknown => {
  let value: unknown = "deep";
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Values no field expects, or expects only within bounds. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -0,
    0.5,
    2 ** 31,
    2 ** 53 + 2,
    -(2 ** 53),
    1e308,
    -1e308,
    99_999_999_999_999,
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "\udfff",
    "x\ud83dy",
    "𝄞",
    "-1",
    "1e999",
    "NaN",
    "__proto__",
    [],
    [null],
    {},
    { __proto__: null },
  ),
  fc.constant("x".repeat(100_000)),
  fc.integer({ min: 50, max: 3000 }).map(nested),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 60 }),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "a", "toString"), fc.string(), {
    maxKeys: 3,
  }),
);

const reservedKey = fc.constantFrom("__proto__", "constructor", "prototype");

/** Tried on every field of every body, whatever the seed: the values most likely to get past a schema into SQL. */
const alwaysTried: unknown[] = ["a\u0000b", "x\ud800y", "x".repeat(100_000), nested(3000), -1, 1e308];

/** An object with `key` as its own property even when it is `__proto__`, as JSON.parse would build it. */
function withKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

type BodyCase =
  | { kind: "field"; field: string; value: unknown }
  | { kind: "unknown field"; field: string; value: unknown }
  | { kind: "nested reserved key"; field: string; key: string }
  | { kind: "missing field"; field: string }
  | { kind: "whole body"; value: unknown }
  | { kind: "raw text"; text: string };

function bodyCases(fields: string[]): fc.Arbitrary<BodyCase> {
  const field = fc.constantFrom(...(fields.length ? fields : ["none"]));
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("field" as const), field, value: badValue }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("unknown field" as const),
        field: fc.oneof(reservedKey, fc.string({ minLength: 1, maxLength: 20 })),
        value: badValue,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("nested reserved key" as const), field, key: reservedKey }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("missing field" as const), field }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("whole body" as const), value: badValue }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("raw text" as const),
        text: fc.oneof(
          fc.constantFrom("{", "[1,", '{"a":}', "\u0000", '{"amount": 1e999}', "nul", '"\\ud800"', "{}".repeat(3)),
          fc.string({ unit: "binary", maxLength: 30 }),
        ),
      }),
    },
  );
}

function bodyOf(base: Record<string, unknown>, testCase: BodyCase): { text: string; field?: string } {
  switch (testCase.kind) {
    case "field":
    case "unknown field":
      return { text: JSON.stringify(withKey(base, testCase.field, testCase.value)), field: testCase.field };
    case "nested reserved key":
      return {
        text: JSON.stringify(withKey(base, testCase.field, withKey({}, testCase.key, "x"))),
        field: testCase.field,
      };
    case "missing field": {
      const { [testCase.field]: _dropped, ...rest } = base;
      return { text: JSON.stringify(rest) };
    }
    case "whole body":
      return { text: JSON.stringify(testCase.value) ?? "null" };
    case "raw text":
      return { text: testCase.text };
  }
}

/** Query strings: each declared key with a bad value, repeated, malformed, unknown or reserved keys. */
function queryCases(keys: string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.constantFrom("", "-1", "0", "101", "1.5", "1e400", "99999999999999", "abc", "%ZZ", "%E0%A4%A", "%00", "%uD800"),
    fc.string({ unit: "binary", maxLength: 20 }).map(encodeURIComponent),
    fc.constant("x".repeat(2000)),
  );
  const key = fc.oneof(
    fc.constantFrom(...keys),
    reservedKey,
    fc.constantFrom("limit[]", "limit[gte]", "created[x]", "%ZZ", "a=b", ""),
  );
  return fc
    .array(fc.tuple(key, value), { minLength: 1, maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));
}

const tables = [
  "paymentLink",
  "customer",
  "checkoutSession",
  "event",
  "webhookEndpoint",
  "webhookDelivery",
  "apiKey",
  "application",
  "invite",
  "managementToken",
  "membership",
  "merchant",
  "auditEvent",
  "idempotencyRecord",
] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const counts = await Promise.all(
    tables.map((table) => (db[table] as unknown as { count(): Promise<number> }).count()),
  );
  return Object.fromEntries(tables.map((table, i) => [table, counts[i] ?? 0]));
}

function callerOf(op: OperationSpec): Record<string, string> {
  if (op.auth.kind === "apiKey") return world.headers.key;
  if (op.auth.kind === "session") return world.headers.owner;
  return {};
}

interface Answer {
  status: number;
  error?: { type?: string; code?: string; message?: string; requestId?: string; param?: string };
}

async function send(op: OperationSpec, query: string, body: string | undefined): Promise<Answer> {
  const url = `${server.url}${pathOf(op, world.objects)}${query ? `?${query}` : ""}`;
  const headers = { ...callerOf(op), ...(body === undefined ? {} : { "Content-Type": "application/json" }) };
  const response = await fetch(url, { method: op.method, headers, body });
  const text = await response.text();
  let parsed: { error?: Answer["error"] } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // A success with no body (204) has nothing to parse; an error always has its envelope, checked below.
  }
  if (response.status >= 400) {
    expect(parsed.error, `${op.method} ${url}: ${response.status} without the envelope: ${text}`).toMatchObject({
      type: expect.any(String),
      code: expect.any(String),
      message: expect.any(String),
      requestId: response.headers.get("x-request-id"),
    });
  }
  return { status: response.status, error: parsed.error };
}

/** Asserts what every answer to bad input must be: no 5xx, and a refusal that wrote nothing. */
/**
 * `field`: the one the case changed; a parameter_invalid names it, or (a rule across fields, such as "exactly one
 * of amount or payment_link") another of `fields`.
 */
async function expectRefusedCleanly(
  op: OperationSpec,
  send: () => Promise<Answer>,
  changed?: { field: string; fields: string[] },
) {
  const before = await rowCounts();
  const answer = await send();
  expect(
    answer.status,
    `${op.method} ${op.path} answered ${answer.status}: ${JSON.stringify(answer.error)}`,
  ).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(await rowCounts()).toEqual(before);
    if (answer.error?.code === "parameter_unknown") expect(answer.error.param).toBeTypeOf("string");
    if (changed && answer.error?.code === "parameter_invalid" && answer.error.param !== undefined) {
      expect([changed.field, ...changed.fields]).toContain(answer.error.param.split(/[.[]/)[0]);
    }
  }
  return answer;
}

const withBody = operations.filter((op) => op.body);
const withQuery = operations.filter((op) => op.query);
const runs = { seed: config.FUZZ_SEED, numRuns: config.FUZZ_RUNS, endOnFailure: true };

beforeAll(async () => {
  world = await contractWorld(server);
  // Thousands of refused requests from one address and one key: no limiter may answer in the cases' place.
  authRuntime.verifier.failedLookupLimit = undefined;
  overrideConfigForTests({ UNCLAIMED_KEYS_PER_IP_PER_HOUR: "100000", LINK_ATTEMPTS_PER_USER_PER_HOUR: "100000" });
  await db.apiKey.updateMany({ where: {}, data: { rateLimit: 1_000_000 } });
  authRuntime.cache.clear();
});

describe("bad input, generated from the contract", () => {
  it("has a valid body for every operation that takes one", () => {
    expect(withBody.map((op) => `${op.method} ${op.path}`).filter((name) => !validBodies[name])).toEqual([]);
  });

  it.each(withBody.map((op) => [`${op.method} ${op.path}`, op] as const))("body of %s", async (name, op) => {
    const base = validBodies[name] ?? {};
    const fields = Object.keys(
      (jsonSchemaOf(op.body!, "input") as { properties?: Record<string, unknown> }).properties ?? {},
    );
    const examples = fields.flatMap((field) =>
      alwaysTried.map((value): [BodyCase] => [{ kind: "field", field, value }]),
    );
    await fc.assert(
      fc.asyncProperty(bodyCases(fields), async (testCase) => {
        const { text, field } = bodyOf(base, testCase);
        await expectRefusedCleanly(op, () => send(op, "", text), field === undefined ? undefined : { field, fields });
      }),
      { ...runs, examples },
    );
  });

  it.each(withQuery.map((op) => [`${op.method} ${op.path}`, op] as const))("query of %s", async (_name, op) => {
    const keys = Object.keys(
      (jsonSchemaOf(op.query!, "input") as { properties?: Record<string, unknown> }).properties ?? {},
    );
    await fc.assert(
      fc.asyncProperty(queryCases(keys), async (query) => {
        await expectRefusedCleanly(op, () => send(op, query, undefined));
      }),
      runs,
    );
  });
});
