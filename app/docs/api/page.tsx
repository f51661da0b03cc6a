import type { Metadata } from "next";
import type { ReactNode } from "react";
import { buildOpenApiDocument } from "@/lib/openapi";
import { DocTableHead, Prose, SchemaTable, describeType, type JsonSchema } from "./schema-view";

export const metadata: Metadata = { title: "API reference · Merchant Console" };

interface Parameter {
  name?: string;
  in?: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  $ref?: string;
}
interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  "x-scope": string | null;
  parameters: Parameter[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<
    string,
    { description?: string; content?: { "application/json": { schema: JsonSchema } }; $ref?: string }
  >;
}

const METHOD_COLOURS: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  patch: "bg-amber-100 text-amber-900",
  put: "bg-amber-100 text-amber-900",
  delete: "bg-rose-100 text-rose-900",
};

export default function ApiReferencePage() {
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      path,
      method,
      operation: operation as unknown as Operation,
    })),
  );
  const tags = document.tags.map((tag) => tag.name);
  const components = document.components;
  const idempotency = components.parameters.IdempotencyKey;

  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-10 px-6 py-12">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">{document.info.title} reference</h1>
        <Prose text={document.info.description} />
        <p className="text-sm text-slate-600">
          Machine-readable:{" "}
          <a className="text-sky-700 underline hover:text-sky-900" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI {document.openapi}), generated from the same zod schemas the routes validate with. A typed TypeScript
          client lives in <code className="font-mono">lib/sdk</code>.
        </p>
      </header>

      <nav aria-label="Operations" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Contents</h2>
        <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <li>
            <a className="text-sky-700 hover:underline" href="#authentication">
              Authentication
            </a>
          </li>
          <li>
            <a className="text-sky-700 hover:underline" href="#errors">
              Errors
            </a>
          </li>
          {operations.map(({ path, method, operation }) => (
            <li key={operation.operationId}>
              <a className="text-sky-700 hover:underline" href={`#${operation.operationId}`}>
                <span className="font-mono uppercase">{method}</span> <span className="font-mono">{path}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <DocSection id="authentication" title="Authentication">
        <table className="w-full border-collapse text-left text-sm">
          <DocTableHead columns={["scheme", "how", "what"]} />
          <tbody>
            {Object.entries(components.securitySchemes).map(([name, scheme]) => (
              <tr key={name} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-4 font-mono">{name}</td>
                <td className="py-1 pr-4">
                  {"scheme" in scheme ? `Authorization: ${scheme.scheme}` : `${scheme.name} (${scheme.in})`}
                </td>
                <td className="py-1">
                  <Prose text={scheme.description} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Prose text={`Mutating API key requests accept \`${idempotency.name}\`: ${idempotency.description}`} />
      </DocSection>

      <DocSection id="errors" title="Errors">
        <p className="text-sm text-slate-700">
          Every error answers with one envelope and an <code className="font-mono">X-Request-Id</code> header.
        </p>
        <SchemaTable schema={(components.schemas.Error as JsonSchema).properties?.error ?? {}} caption="error" />
        <ul className="text-sm text-slate-700">
          {Object.entries(components.responses).map(([name, response]) => (
            <li key={name}>
              <span className="font-mono font-semibold">{name.replace("Error", "")}</span>{" "}
              <Prose text={response.description} />
            </li>
          ))}
        </ul>
      </DocSection>

      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="flex flex-col gap-6">
          <h2 id={`tag-${tag}`} className="border-b border-slate-200 pb-1 text-2xl font-semibold">
            {tag}
          </h2>
          {operations
            .filter(({ operation }) => operation.tags.includes(tag))
            .map(({ path, method, operation }) => (
              <OperationView key={operation.operationId} path={path} method={method} operation={operation} />
            ))}
        </section>
      ))}
    </main>
  );
}

/** A section of the reference with a fixed anchor (`#errors`), which the contents and the operations link to. */
function DocSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="flex flex-col gap-3">
      <h2 id={`${id}-title`} className="text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function OperationView({ path, method, operation }: { path: string; method: string; operation: Operation }) {
  const parameters = operation.parameters.filter((parameter) => parameter.name);
  const responses = Object.entries(operation.responses);
  const success = responses.filter(([status]) => status.startsWith("2"));
  const errors = responses.filter(([status]) => !status.startsWith("2")).map(([status]) => status);
  return (
    <article
      id={operation.operationId}
      aria-labelledby={`${operation.operationId}-title`}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h3 id={`${operation.operationId}-title`} className="flex flex-wrap items-center gap-2 text-base">
        <span
          className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_COLOURS[method] ?? "bg-slate-100"}`}
        >
          {method}
        </span>
        <code className="font-mono font-semibold">{path}</code>
        <span className="text-slate-600">— {operation.summary}</span>
      </h3>
      <Prose text={operation.description} />
      {parameters.length > 0 ? <ParameterTable parameters={parameters} /> : null}
      {operation.requestBody ? (
        <SchemaTable schema={operation.requestBody.content["application/json"].schema} caption="request body (JSON)" />
      ) : null}
      {success.map(([status, response]) =>
        response.content ? (
          <SchemaTable
            key={status}
            schema={response.content["application/json"].schema}
            caption={`response ${status}`}
          />
        ) : (
          <p key={status} className="text-sm text-slate-700">
            Response {status}: {response.description}
          </p>
        ),
      )}
      <ErrorLinks statuses={errors} />
    </article>
  );
}

function ParameterTable({ parameters }: { parameters: Parameter[] }) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
        parameters
      </caption>
      <DocTableHead columns={["name", "in", "type", "required"]} />
      <tbody>
        {parameters.map((parameter) => (
          <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-slate-100">
            <td className="py-1 pr-4 font-mono">{parameter.name}</td>
            <td className="py-1 pr-4">{parameter.in}</td>
            <td className="py-1 pr-4">{parameter.schema ? describeType(parameter.schema) : "string"}</td>
            <td className="py-1">{parameter.required ? "yes" : "no"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The operation's error statuses, each a link to the Errors section. */
function ErrorLinks({ statuses }: { statuses: string[] }) {
  return (
    <p className="text-sm text-slate-600">
      Errors:{" "}
      {statuses.map((status) => (
        <a key={status} href="#errors" className="mr-2 font-mono text-sky-700 hover:underline">
          {status}
        </a>
      ))}
    </p>
  );
}
