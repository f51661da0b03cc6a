import { z } from "zod";
import { errorEnvelopeSchema, operations, pathParamNames, type Access, type OperationSpec } from "../contract";

type JsonSchema = Record<string, unknown>;

/** A zod schema as a JSON Schema 2020-12 fragment (OpenAPI 3.1's dialect), without its `$schema` line. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid request: `parameter_invalid` or `parameter_unknown` (with `param`), `invalid_json`, or a route-specific code",
  401: "Authentication failed",
  403: "Permission denied (for API keys, `missing_scope` names the scope)",
  404: "`resource_missing`: unknown id, another merchant's or the other mode's object",
  409: "`idempotency_conflict`: the first request with this Idempotency-Key is still running",
  413: "`body_too_large`: body over 1 MB",
  415: "`unsupported_media_type`: a body sent without `Content-Type: application/json`",
  429: "`rate_limited`: see Retry-After",
  500: "`internal_error`",
  503: "`service_unavailable`: retry",
};

const COMMON_ERRORS: Record<Access["kind"], number[]> = {
  apiKey: [401, 403, 429, 500, 503],
  session: [401, 403, 500, 503],
  public: [500],
};

function securityOf(auth: Access): Array<Record<string, string[]>> {
  if (auth.kind === "apiKey") return [{ bearerAuth: [] }, { apiKeyHeader: [] }];
  if (auth.kind === "public") return [];
  return auth.sessionOnly ? [{ sessionCookie: [] }] : [{ sessionCookie: [] }, { managementToken: [] }];
}

function accessOf(auth: Access): string {
  if (auth.kind === "apiKey") return `**Scope:** ${auth.scope ? `\`${auth.scope}\`` : "none (any valid key)"}`;
  if (auth.kind === "public") return "**Auth:** none";
  const who = auth.sessionOnly ? "the dashboard's session only" : "dashboard session or management token";
  return `**Auth:** ${who}${auth.permission ? `; permission \`${auth.permission}\`` : ""}`;
}

export function operationId(route: OperationSpec): string {
  const words = route.path
    .replace(/^\/api\/v1\//, "")
    .replace(/^\//, "")
    .split(/[/._-]/)
    .filter((word) => word && !word.startsWith("{"));
  return [
    route.method.toLowerCase(),
    ...words.map((word) => word[0]?.toUpperCase() + word.slice(1)),
    route.path.endsWith("}") ? "ById" : "",
  ].join("");
}

function parametersOf(route: OperationSpec): JsonSchema[] {
  const path = pathParamNames(route.path).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query: JsonSchema[] = [];
  if (route.query) {
    const schema = jsonSchemaOf(route.query, "input") as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const { description, ...rest } = property;
      query.push({
        name,
        in: "query",
        required: schema.required?.includes(name) ?? false,
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  }
  const idempotency =
    route.auth.kind === "apiKey" && route.method !== "GET" ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : [];
  return [...path, ...query, ...idempotency];
}

function operationOf(route: OperationSpec): JsonSchema {
  const { auth } = route;
  const status = route.status ?? 200;
  // Every operation with a body can refuse one that is too large or not JSON.
  const bodyErrors = route.body ? [413, 415] : [];
  const errors = [...new Set([...(route.errors ?? []), ...bodyErrors, ...COMMON_ERRORS[auth.kind]])].sort(
    (a, b) => a - b,
  );
  return {
    operationId: operationId(route),
    summary: route.summary,
    description: [accessOf(auth), route.description].filter(Boolean).join("\n\n"),
    tags: [route.tag],
    "x-scope": auth.kind === "apiKey" ? auth.scope : null,
    ...(auth.kind === "session" && auth.permission ? { "x-permission": auth.permission } : {}),
    security: securityOf(auth),
    parameters: parametersOf(route),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchemaOf(route.body, "input") } },
          },
        }
      : {}),
    responses: {
      [status]:
        status === 204
          ? { description: "No content" }
          : {
              description: "Success",
              content: { "application/json": { schema: jsonSchemaOf(route.response, "output") } },
            },
      ...Object.fromEntries(errors.map((code) => [code, { $ref: `#/components/responses/Error${code}` }])),
    },
  };
}

export const API_DESCRIPTION = `The Merchant Console API. Authenticate with an API key (\`ck_test_…\` or \`ck_live_…\`) as \`Authorization: Bearer <key>\` or \`X-Api-Key: <key>\`. A key's mode is the request's \`livemode\`: it sees only its own mode's objects. Every error has the envelope \`{ "error": { "type", "code", "message", "requestId", "param"? } }\`.

Webhooks are POSTed as JSON events with the header \`Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's whsec_ secret>\`. Verify it over the raw body, reject timestamps more than 5 minutes old, and compare in constant time (\`verifyWebhookSignature\` in the SDK does all three). Answer 2xx within 10 s; anything else is retried with exponential backoff (30 s, 1 min, 2 min, … up to 8 attempts).`;

/** The OpenAPI 3.1 document of the API, generated from the contract alone. */
export function buildOpenApiDocument(routes: readonly OperationSpec[] = operations) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  const errorResponses = Object.fromEntries(
    Object.entries(ERROR_DESCRIPTIONS).map(([code, description]) => [
      `Error${code}`,
      { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: { title: "Merchant Console API", version: "1", description: API_DESCRIPTION },
    servers: [{ url: "/" }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key: `Authorization: Bearer ck_test_…`" },
        apiKeyHeader: {
          type: "apiKey",
          in: "header",
          name: "X-Api-Key",
          description: "An API key in the X-Api-Key header",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The dashboard's session (management routes only)",
        },
        managementToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "A management token (management routes only)",
        },
      },
      schemas: { Error: jsonSchemaOf(errorEnvelopeSchema, "output") },
      responses: errorResponses,
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Up to 255 characters. For 24 hours a retry with the same key gets the first response again (Idempotent-Replayed: true).",
          schema: { type: "string", maxLength: 255 },
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
