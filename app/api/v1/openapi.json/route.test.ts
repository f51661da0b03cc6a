import { beforeAll, describe, expect, it } from "vitest";
import { operations, SCOPES, type OperationSpec, type Scope } from "@/lib/contract";
import { bearer, createKey, routeTestServer } from "@/test/support";

const server = routeTestServer();

interface Operation {
  "x-scope": string | null;
  description: string;
  security: Array<Record<string, string[]>>;
  responses: Record<string, unknown>;
  requestBody?: unknown;
  parameters: Array<{ name?: string; in?: string; $ref?: string }>;
}
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, { type: string }>;
    schemas: Record<string, { properties: Record<string, unknown> }>;
  };
};

describe("GET /api/v1/openapi.json", () => {
  let document: Document;
  beforeAll(async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    document = (await response.json()) as Document;
  });

  it("is an OpenAPI 3.1 document with both API key schemes and the error envelope", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.apiKeyHeader).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "X-Api-Key",
    });
    const envelope = document.components.schemas.Error?.properties.error as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(envelope.required).toEqual(["type", "code", "message", "requestId"]);
    expect(Object.keys(envelope.properties)).toEqual(["type", "code", "message", "requestId", "param"]);
  });

  it("documents every operation of the contract, and nothing else", () => {
    const documented = Object.entries(document.paths).flatMap(([route, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
    );
    expect(documented.sort()).toEqual(operations.map(({ method, path }) => `${method} ${path}`).sort());
    expect(documented).toContain("POST /api-keys");
  });

  it("gives each operation the security scheme its callers use", () => {
    expect(document.paths["/api-keys"]?.post?.security).toEqual([]);
    expect(document.paths["/api/v1/applications"]?.post?.security).toEqual([
      { sessionCookie: [] },
      { managementToken: [] },
    ]);
    // A management token cannot mint or list management tokens: the document must not offer it there.
    for (const method of ["get", "post"]) {
      expect(document.paths["/api/v1/management-tokens"]?.[method]?.security).toEqual([{ sessionCookie: [] }]);
    }
    expect(document.paths["/api/v1/management-tokens/{id}"]?.delete?.security).toEqual([{ sessionCookie: [] }]);
  });

  it("describes every response with a schema (management operations included)", () => {
    const created = document.paths["/api/v1/applications/{id}/api-keys"]?.post?.responses["201"] as {
      content: { "application/json": { schema: { properties: Record<string, unknown> } } };
    };
    expect(Object.keys(created.content["application/json"].schema.properties)).toEqual(
      expect.arrayContaining(["id", "fullKey", "keyPrefix", "scopes", "status"]),
    );
    expect(document.paths["/api/v1/applications/{id}/api-keys/{keyId}"]?.delete?.responses["204"]).toEqual({
      description: "No content",
    });
  });

  it("gives each API key operation its scope (x-scope and description), security, body and errors", () => {
    const create = document.paths["/api/v1/checkout_sessions"]?.post;
    expect(create?.["x-scope"]).toBe("sessions:write");
    expect(create?.description).toContain("`sessions:write`");
    expect(create?.security).toEqual([{ bearerAuth: [] }, { apiKeyHeader: [] }]);
    expect(JSON.stringify(create?.requestBody)).toContain("success_url");
    expect(Object.keys(create?.responses ?? {})).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "413", "415", "429"]),
    );
    const events = document.paths["/api/v1/events"]?.get;
    expect(events?.parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(["limit", "starting_after", "type", "created[gte]"]),
    );
    expect(document.paths["/api/v1/webhook_endpoints/{id}"]?.delete?.["x-scope"]).toBe("webhooks:write");
    expect(document.paths["/api/v1/webhook_endpoints/{id}"]?.get?.parameters).toContainEqual({
      name: "id",
      in: "path",
      required: true,
      schema: { type: "string" },
    });
    for (const route of operations.filter((operation) => operation.auth.kind === "apiKey")) {
      const scope = route.auth.kind === "apiKey" ? route.auth.scope : undefined;
      expect(document.paths[route.path]?.[route.method.toLowerCase()]?.["x-scope"]).toBe(scope);
    }
  });
});

describe("scope matrix: every API key route refuses a key without its documented scope", () => {
  const keys = new Map<string, string>();
  async function keyWith(scopes: Scope[]): Promise<string> {
    const name = scopes.join(",");
    if (!keys.has(name)) keys.set(name, (await createKey({ scopes })).secret);
    return keys.get(name) ?? "";
  }
  const call = (secret: string, method: string, route: string) =>
    fetch(`${server.url}${route.replace(/\{\w+\}/g, "xx_missing")}`, {
      method,
      headers: bearer(secret, { "Content-Type": "application/json" }),
      body: method === "GET" || method === "DELETE" ? undefined : "{}",
    });

  const scoped = operations.flatMap((route): Array<[string, OperationSpec, Scope]> =>
    route.auth.kind === "apiKey" && route.auth.scope
      ? [[`${route.method} ${route.path}`, route, route.auth.scope]]
      : [],
  );
  it.each(scoped)("%s", async (_name, route, scope) => {
    const without = await call(await keyWith(SCOPES.filter((s) => s !== scope)), route.method, route.path);
    expect(without.status).toBe(403);
    const { error } = (await without.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("missing_scope");
    expect(error.message).toContain(scope);
    const withIt = await call(await keyWith([scope]), route.method, route.path);
    expect([200, 201, 400, 404]).toContain(withIt.status);
  });
});
