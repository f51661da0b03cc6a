import { describe, expect, it } from "vitest";
import { operations, type OperationSpec } from "@/lib/contract";

// Route files that are not operations of the contract, and why. Everything else under app/ must be.
const OUTSIDE_THE_CONTRACT: Record<string, string> = {
  "/api/auth/{nextauth}": "Auth.js's own sign-in and callback routes",
  "/api/health": "liveness: answers without the pipeline, and is the bench's baseline",
  // Infrastructure reads these, not API clients: no SDK method or OpenAPI entry, no per-IP limit that a probe could
  // trip, no access-log line per probe; they still answer in the one error envelope.
  "/api/ready": "readiness for load balancers: database, migrations, Redis",
  "/api/metrics": "Prometheus's scrape: text format, behind METRICS_TOKEN, which no contract caller kind fits",
  "/api/demo-login": "the demo sign-in: a redirect that sets a cookie, not an API",
};

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"];

/** `/app/api/v1/payment_links/[id]/route.ts` -> `/api/v1/payment_links/{id}` (route groups dropped, as Next.js does). */
function pathOf(file: string): string {
  const segments = file
    .replace(/^\/app/, "")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}"));
  return `/${segments.join("/")}`;
}

type Served = ((...args: never[]) => unknown) & {
  operation?: OperationSpec;
  preflight?: { path: string; methods: string[] };
};
const modules = import.meta.glob<Record<string, unknown>>("/app/**/route.ts");
const files = Object.keys(modules).map((file) => ({ file, path: pathOf(file) }));
const served = files.filter(({ path }) => !(path in OUTSIDE_THE_CONTRACT));

describe("route files and the contract", () => {
  it("finds the route files, and every exception names a real one", () => {
    expect(served.length).toBeGreaterThan(25);
    for (const path of Object.keys(OUTSIDE_THE_CONTRACT)) expect(files.map((file) => file.path)).toContain(path);
  });

  it.each(served)("$path exports exactly the contract's operations for its path", async ({ file, path }) => {
    const routeModule = await modules[file]!();
    const exported = Object.keys(routeModule).filter((name) => METHODS.includes(name));
    const declared = operations.filter((op) => op.path === path);
    // A path with API-key operations answers browsers' CORS preflights for exactly those operations.
    const browserMethods = declared.filter((op) => op.auth.kind === "apiKey").map((op) => op.method);
    const expected = [...declared.map((op) => op.method), ...(browserMethods.length > 0 ? ["OPTIONS"] : [])];
    expect(exported.sort()).toEqual(expected.sort());
    for (const method of exported.filter((name) => name !== "OPTIONS")) {
      const handler = routeModule[method] as Served;
      expect(handler.operation, `${method} ${path} must be served through route()`).toMatchObject({ method, path });
    }
    if (exported.includes("OPTIONS")) {
      const { preflight } = routeModule.OPTIONS as Served;
      expect(preflight, `OPTIONS ${path} must be preflight() of its API-key operations`).toEqual({
        path,
        methods: expect.arrayContaining(browserMethods),
      });
      expect(preflight?.methods).toHaveLength(browserMethods.length);
    }
    // Without it Next.js wraps each request in Proxies that track "dynamic" reads, for nothing.
    expect(routeModule.dynamic).toBe("force-dynamic");
  });

  it("serves every operation of the contract from a route file", () => {
    const paths = new Set(served.map((file) => file.path));
    expect(operations.filter((op) => !paths.has(op.path)).map((op) => `${op.method} ${op.path}`)).toEqual([]);
    const keys = operations.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
