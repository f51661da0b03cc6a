import type { ReactNode } from "react";

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  $ref?: string;
};

const SAFE_INT = 9007199254740991;

/** One line that says what a value may be: `string (uri, ≤ 2048 chars)`, `"open" | "complete"`, `integer ≥ 1 ≤ 100`. */
export function describeType(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").pop() ?? schema.$ref;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(describeType).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ["any"];
  const base = types
    .map((type) => {
      if (type === "array") return `array of ${schema.items ? describeType(schema.items) : "any"}`;
      if (type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object")
        return `map of ${describeType(schema.additionalProperties)}`;
      return type;
    })
    .join(" | ");
  const limits = [
    schema.format,
    schema.pattern && `pattern ${schema.pattern}`,
    schema.minimum !== undefined && schema.minimum > -SAFE_INT && `≥ ${schema.minimum}`,
    schema.exclusiveMinimum !== undefined && `> ${schema.exclusiveMinimum}`,
    schema.maximum !== undefined && schema.maximum < SAFE_INT && `≤ ${schema.maximum}`,
    schema.minLength !== undefined && `min ${schema.minLength} chars`,
    schema.maxLength !== undefined && `max ${schema.maxLength} chars`,
    schema.minItems !== undefined && `min ${schema.minItems} items`,
    schema.default !== undefined && `default ${JSON.stringify(schema.default)}`,
  ].filter(Boolean);
  return limits.length > 0 ? `${base} (${limits.join(", ")})` : base;
}

/** Backticks become code, **text** bold: enough for the descriptions the registry writes. */
export function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split("\n\n").map((paragraph, index) => (
        <p key={index} className="text-sm leading-6 text-slate-700">
          {paragraph.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, i): ReactNode => {
            if (part.startsWith("`") && part.endsWith("`"))
              return (
                <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">
                  {part.slice(1, -1)}
                </code>
              );
            if (part.startsWith("**") && part.endsWith("**")) return <strong key={i}>{part.slice(2, -2)}</strong>;
            return part;
          })}
        </p>
      ))}
    </>
  );
}

/** A table of an object schema's fields (one level), with the full JSON Schema behind a disclosure. */
export function SchemaTable({ schema, caption }: { schema: JsonSchema; caption: string }) {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  return (
    <div className="flex flex-col gap-2">
      {properties.length > 0 ? (
        <table className="w-full border-collapse text-left text-sm wrap-anywhere">
          <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            {caption}
          </caption>
          <DocTableHead columns={["field", "type", "required"]} />
          <tbody>
            {properties.map(([name, property]) => (
              <tr key={name} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-4 font-mono text-slate-900">{name}</td>
                <td className="py-1 pr-4 text-slate-700">
                  {describeType(property)}
                  {property.description ? (
                    <span className="block text-xs text-slate-500">{property.description}</span>
                  ) : null}
                </td>
                <td className="py-1 text-slate-700">{required.has(name) ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-700">
          <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{caption}: </span>
          {describeType(schema)}
        </p>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-500 hover:text-slate-800">JSON Schema</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
          {JSON.stringify(schema, null, 2)}
        </pre>
      </details>
    </div>
  );
}

/** The header row every reference table on this page shares. */
export function DocTableHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr className="border-b border-slate-200 text-slate-500">
        {columns.map((column, index) => (
          <th key={column} scope="col" className={`py-1 font-medium ${index < columns.length - 1 ? "pr-4" : ""}`}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
