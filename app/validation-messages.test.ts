import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFromIssues } from "@/components/form-errors";
import {
  createApiKeySchema,
  createApplicationKeySchema,
  createApplicationSchema,
  createInviteSchema,
  createManagementTokenSchema,
  linkApiKeySchema,
  operations,
  rollApiKeySchema,
  updateApiKeySchema,
  updateApplicationSchema,
  updateMemberSchema,
} from "@/lib/contract";
import { jsonSchemaOf } from "@/lib/openapi";

/**
 * Every validation message a person can see is one a person wrote (lib/contract/messages.ts or the schema's own),
 * never zod's defaults ("Too small: expected number to be >=1", "expected int, received number", "Invalid email
 * address"). Walked over the dashboard forms' schemas and every body and query of the contract, whose 400s say the
 * same words.
 */

const ZOD_DEFAULTS = [
  /^Invalid input/,
  /^Invalid option/,
  /^Too (big|small)/,
  /^Invalid string/,
  /^Invalid (email|URL|UUID|ISO|number|key|value|discriminator|date)/,
  /^Unrecognized key/,
  /expected .+, received/,
  /expected \w+ to (be|have)/,
];

const BAD_VALUES: unknown[] = [
  undefined,
  null,
  "",
  " ",
  "x".repeat(10_001),
  "not an e-mail",
  "ftp://shop.example/path",
  -1,
  0,
  1.5,
  1e15,
  true,
  [],
  [""],
  ["x", 1],
  {},
  { "": "x" },
  Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, "v"])),
];

const FORMS: Record<string, z.ZodType> = {
  "New application": createApplicationSchema,
  "Edit application": updateApplicationSchema,
  "Create management token": createManagementTokenSchema,
  "Invite a member": createInviteSchema,
  "Member role": updateMemberSchema,
  "Create key": createApiKeySchema,
  "Create key (management API)": createApplicationKeySchema,
  "Roll key": rollApiKeySchema,
  "Rename key": updateApiKeySchema,
  "Link existing key": linkApiKeySchema,
};

const contractSchemas = Object.fromEntries(
  operations.flatMap((op) => [
    ...(op.body ? [[`body of ${op.method} ${op.path}`, op.body] as const] : []),
    ...(op.query ? [[`query of ${op.method} ${op.path}`, op.query] as const] : []),
  ]),
);

/** Each field with each bad value, and a few bad whole inputs: every message the schema can give. */
function messagesOf(schema: z.ZodType): string[] {
  const fields = Object.keys((jsonSchemaOf(schema, "input") as { properties?: object }).properties ?? {});
  const inputs: unknown[] = [null, [], "x", 1, {}];
  for (const field of fields) for (const value of BAD_VALUES) inputs.push({ [field]: value, unknownField: 1 });
  for (const field of fields) for (const value of BAD_VALUES) inputs.push({ [field]: [value] });
  const messages = new Set<string>();
  for (const input of inputs) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) for (const issue of parsed.error.issues) messages.add(issue.message);
  }
  return [...messages];
}

describe("validation messages", () => {
  it.each(Object.entries({ ...FORMS, ...contractSchemas }))("%s: none is zod's default", (_name, schema) => {
    const messages = messagesOf(schema);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter((message) => ZOD_DEFAULTS.some((pattern) => pattern.test(message)))).toEqual([]);
  });

  it("read as sentences under a form's labels", () => {
    const issuesOf = (schema: z.ZodType, input: unknown) => {
      const parsed = schema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues;
    };
    const labels = { name: "Name", rateLimit: "Rate limit", expiresAt: "Expires" };
    expect(fieldErrorsFromIssues(issuesOf(createApiKeySchema, { name: "k", rateLimit: 0 }), labels)).toEqual({
      rateLimit: "Rate limit must be at least 1",
    });
    expect(fieldErrorsFromIssues(issuesOf(createApiKeySchema, { name: "k", rateLimit: 2.5 }), labels)).toEqual({
      rateLimit: "Rate limit must be a whole number",
    });
    expect(fieldErrorsFromIssues(issuesOf(createApiKeySchema, {}), labels)).toEqual({ name: "Name is required" });
    expect(
      fieldErrorsFromIssues(issuesOf(createInviteSchema, { email: "dev@", role: "viewer" }), { email: "E-mail" }),
    ).toEqual({ email: "E-mail must be an e-mail address such as dev@shop.example" });
    expect(
      fieldErrorsFromIssues(
        issuesOf(createApplicationSchema, { name: "ok", allowedOrigins: Array(21).fill("https://a.example") }),
        {
          allowedOrigins: "Allowed origins",
        },
      ),
    ).toEqual({ allowedOrigins: "Allowed origins can list at most 20 origins" });
  });
});
