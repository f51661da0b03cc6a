import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/dashboard/logo";
import { ThemeToggle } from "@/components/dashboard/theme-toggle";
import { pageOrigin } from "@/lib/accounts/dashboard";
import { operations as contractOperations } from "@/lib/contract";
import { buildOpenApiDocument, curlExample, operationId } from "@/lib/openapi";
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

export default async function ApiReferencePage() {
  const document = buildOpenApiDocument();
  const origin = await pageOrigin();
  const specs = new Map(contractOperations.map((spec) => [operationId(spec), spec]));
  const curlOf = (operation: Operation) => {
    const spec = specs.get(operation.operationId);
    return spec ? curlExample(spec, origin) : null;
  };
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
    <>
      <DocsBar />
      <main className="mx-auto flex max-w-5xl flex-col gap-10 px-4 py-10 sm:px-6">
        <header className="flex flex-col gap-3">
          <h1 className="text-3xl font-semibold tracking-tight">{document.info.title} reference</h1>
          <Prose text={document.info.description} />
          <SdkNote origin={origin} openapi={document.openapi} />
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
              <li key={operation.operationId} className="min-w-0">
                <a className="text-sky-700 hover:underline" href={`#${operation.operationId}`}>
                  <span className="font-mono uppercase">{method}</span>{" "}
                  <span className="font-mono break-all">{path}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <DocSection id="authentication" title="Authentication">
          <table className="w-full border-collapse text-left text-sm wrap-anywhere">
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
                <span className="font-mono font-semibold wrap-anywhere">{name.replace("Error", "")}</span>{" "}
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
                <OperationView
                  key={operation.operationId}
                  path={path}
                  method={method}
                  operation={operation}
                  curl={curlOf(operation)}
                />
              ))}
          </section>
        ))}
      </main>
    </>
  );
}

/** The bar above the reference: the way back to the dashboard, and the theme. */
function DocsBar() {
  return (
    <div className="border-b border-slate-200 bg-white">
      <nav
        aria-label="Site"
        className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-4 px-4 text-sm sm:px-6"
      >
        <Link href="/dashboard" className="flex items-center gap-2 font-semibold">
          <Logo className="size-6" />
          <span>
            <span aria-hidden>← </span>Dashboard
          </span>
        </Link>
        <ThemeToggle />
      </nav>
    </div>
  );
}

/** How a merchant gets a client: what is true of this repository, not a package that does not exist. */
function SdkNote({ origin, openapi }: { origin: string; openapi: string }) {
  const link = "text-sky-700 underline hover:text-sky-900";
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
      <h2 className="font-semibold text-slate-900">Clients and SDKs</h2>
      <p>
        Any HTTP client works: every operation below has a curl example (set <code className="font-mono">API_KEY</code>{" "}
        to a key from the dashboard&apos;s API keys page, <code className="font-mono">MANAGEMENT_TOKEN</code> to a token
        from Settings). For a generated client in your language, give an OpenAPI generator the machine-readable
        document:{" "}
        <a className={link} href="/api/v1/openapi.json">
          {origin}/api/v1/openapi.json
        </a>{" "}
        (OpenAPI {openapi}, no key needed), generated from the same schemas the API validates with.
      </p>
      <p>
        The TypeScript SDK is not published to npm: it is the <code className="font-mono">lib/sdk</code> folder of this
        app&apos;s source, which imports only <code className="font-mono">lib/contract</code> and{" "}
        <code className="font-mono">zod</code>. Copy both folders into your project, then{" "}
        <code className="font-mono">
          new Client({"{"} apiKey, baseUrl: &quot;{origin}&quot; {"}"})
        </code>{" "}
        gives one typed method per operation, such as <code className="font-mono">client.paymentLinks.create(…)</code>,
        with retries and idempotency keys; <code className="font-mono">verifyWebhookSignature</code> checks webhook
        signatures.
      </p>
    </div>
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

function OperationView({
  path,
  method,
  operation,
  curl,
}: {
  path: string;
  method: string;
  operation: Operation;
  curl: string | null;
}) {
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
        <code className="font-mono font-semibold break-all">{path}</code>
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
      {curl ? <CurlExample operationId={operation.operationId} command={curl} /> : null}
      <ErrorLinks statuses={errors} />
    </article>
  );
}

function ParameterTable({ parameters }: { parameters: Parameter[] }) {
  return (
    <table className="w-full border-collapse text-left text-sm wrap-anywhere">
      <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
        parameters
      </caption>
      <DocTableHead columns={["name", "in", "type", "required"]} />
      <tbody>
        {parameters.map((parameter) => (
          <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-slate-100 align-top">
            <td className="py-1 pr-4 font-mono">{parameter.name}</td>
            <td className="py-1 pr-4">{parameter.in}</td>
            <td className="py-1 pr-4">
              {parameter.schema ? describeType(parameter.schema) : "string"}
              {parameter.description ? (
                <span className="block text-xs text-slate-500">{parameter.description}</span>
              ) : null}
            </td>
            <td className="py-1">{parameter.required ? "yes" : "no"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The operation's curl command, generated from its contract (lib/openapi/curl.ts). */
function CurlExample({ operationId, command }: { operationId: string; command: string }) {
  return (
    <div className="flex flex-col gap-1">
      <p id={`${operationId}-curl`} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        example
      </p>
      <pre
        aria-labelledby={`${operationId}-curl`}
        className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
      >
        {command}
      </pre>
    </div>
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
