import { z } from "zod";
import type { OperationSpec } from "../contract";
import { jsonSchemaOf } from "./document";

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
};

/** `{id}` of `/api/v1/payment_links/{id}` is `$PAYMENT_LINK_ID`; `{keyId}` is `$KEY_ID`. */
function pathVariable(path: string, name: string): string {
  const segments = path.split("/");
  const collection = segments[segments.indexOf(`{${name}}`) - 1] ?? "object";
  const words = name === "id" ? `${collection.replace(/s$/, "")}_id` : name.replace(/([a-z])([A-Z])/g, "$1_$2");
  return `$${words.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase()}`;
}

/** A value a field accepts, from its schema: its example, default or first option, else one of its type. */
export function exampleValue(schema: JsonSchema, name = ""): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.anyOf?.length) {
    const option = schema.anyOf.find((candidate) => candidate.type !== "null") ?? schema.anyOf[0]!;
    return exampleValue(option, name);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "email") return "jenny@example.com";
      if (schema.format === "uri" || /url$/i.test(name)) return "https://shop.example/thanks";
      if (schema.format === "date-time") return "2030-01-01T00:00:00Z";
      return /name/i.test(name) ? "Storefront backend" : "example";
    case "integer":
    case "number":
      return Math.max(1, schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1);
    case "boolean":
      return true;
    case "array":
      return schema.items && (schema.minItems ?? 0) > 0 ? [exampleValue(schema.items)] : [];
    case "object":
      return exampleObject(schema);
    default:
      return "example";
  }
}

/** An object's required fields (or, when none is required, its first one: an update changes at least one). */
function exampleObject(schema: JsonSchema): Record<string, unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const chosen = required.size ? properties.filter(([name]) => required.has(name)) : properties.slice(0, 1);
  return Object.fromEntries(chosen.map(([name, property]) => [name, exampleValue(property, name)]));
}

const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * A curl command for an operation, made from its contract: the method, the path with shell variables for its ids,
 * the credential its access takes, `Idempotency-Key` where it applies, and a body its own schema accepts.
 */
export function curlExample(op: OperationSpec, origin: string): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathVariable(op.path, name));
  // GET is curl's default, and a POST with a body its default with -d.
  const implied = op.method === "GET" || (op.method === "POST" && op.body !== undefined);
  const lines = [`curl${implied ? "" : ` -X ${op.method}`} "${origin}${path}"`];
  const { auth } = op;
  if (auth.kind === "apiKey") lines.push(`-H "Authorization: Bearer $API_KEY"`);
  if (auth.kind === "session")
    lines.push(
      auth.sessionOnly ? `--cookie "authjs.session-token=$SESSION"` : `-H "Authorization: Bearer $MANAGEMENT_TOKEN"`,
    );
  if (auth.kind === "apiKey" && op.method === "POST") lines.push(`-H "Idempotency-Key: $(uuidgen)"`);
  if (op.body) {
    // A body's own example first: JSON Schema drops the examples of a schema that transforms its input.
    const declared = (z.globalRegistry.get(op.body) as { examples?: unknown[] } | undefined)?.examples?.[0];
    const body = declared ?? exampleValue(jsonSchemaOf(op.body, "input") as JsonSchema);
    lines.push(`-H "Content-Type: application/json"`, `-d ${shellQuoted(JSON.stringify(body))}`);
  }
  return lines.join(" \\\n  ");
}
