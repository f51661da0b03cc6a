import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SCOPES, type Scope } from "@/lib/auth";
import { apiKeyRoutes, apiRoutes } from "@/lib/openapi";
import { bearer, createKey, routeTestServer } from "@/test/support";

const server = routeTestServer();

const V1 = path.join(process.cwd(), "app", "api", "v1");

/** Every (method, OpenAPI path) that a route file under app/api/v1 exports. */
function routeFiles(dir = V1): Array<{ method: string; path: string; file: string }> {
  const found: Array<{ method: string; path: string; file: string }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (entry.name === "route.ts") {
      const route = `/api/v1/${path.relative(V1, dir).split(path.sep).join("/")}`
        .replace(/\/$/, "")
        .replace(/\[(\w+)\]/g, "{$1}");
      const source = readFileSync(full, "utf8");
      for (const [, method] of source.matchAll(
        /export\s+(?:const|async\s+function|function)\s+(GET|POST|PATCH|PUT|DELETE)\b/g,
      )) {
        found.push({ method: method ?? "", path: route, file: path.relative(process.cwd(), full) });
      }
    }
  }
  return found;
}

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

  it("documents every route file under app/api/v1, and nothing that does not exist", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(20);
    const documented = new Set(
      Object.entries(document.paths).flatMap(([route, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`),
      ),
    );
    const missing = files
      .filter(({ method, path: route }) => !documented.has(`${method} ${route}`))
      .map(({ method, path: route, file }) => `${method} ${route} (${file})`);
    expect(missing, "add these to lib/openapi (registry.ts or management.ts)").toEqual([]);
    const existing = new Set(files.map(({ method, path: route }) => `${method} ${route}`));
    expect([...documented].filter((operation) => !existing.has(operation))).toEqual([]);
  });

  it("gives each API key operation its scope (x-scope and description), security, body and errors", () => {
    const create = document.paths["/api/v1/checkout_sessions"]?.post;
    expect(create?.["x-scope"]).toBe("sessions:write");
    expect(create?.description).toContain("`sessions:write`");
    expect(create?.security).toEqual([{ bearerAuth: [] }, { apiKeyHeader: [] }]);
    expect(JSON.stringify(create?.requestBody)).toContain("success_url");
    expect(Object.keys(create?.responses ?? {})).toEqual(expect.arrayContaining(["201", "400", "401", "403", "429"]));
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
    for (const route of apiKeyRoutes)
      expect(document.paths[route.path]?.[route.method.toLowerCase()]?.["x-scope"]).toBe(route.scope);
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

  const scoped = apiRoutes.filter((route) => route.auth === "apiKey" && route.scope !== null);
  it.each(scoped.map((route) => [`${route.method} ${route.path}`, route] as const))("%s", async (_name, route) => {
    const scope = route.scope as Scope;
    const without = await call(await keyWith(SCOPES.filter((s) => s !== scope)), route.method, route.path);
    expect(without.status).toBe(403);
    const { error } = (await without.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("missing_scope");
    expect(error.message).toContain(scope);
    const withIt = await call(await keyWith([scope]), route.method, route.path);
    expect([200, 201, 400, 404]).toContain(withIt.status);
  });
});
