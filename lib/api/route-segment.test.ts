import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every API route answers per request. Without `dynamic = "force-dynamic"`, Next.js also wraps each request in
// Proxies that track "dynamic" reads (an AsyncLocalStorage lookup per read of headers, nextUrl or searchParams),
// which cost /api/v1 some 10 µs a request for nothing.
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("route segment config", () => {
  const wrapped = routeFiles(path.resolve("app")).filter((file) =>
    /\bwith(ApiKey|Session|Public)\b/.test(readFileSync(file, "utf8")),
  );

  it("finds the wrapped API routes", () => {
    expect(wrapped.length).toBeGreaterThan(20);
    expect(wrapped.map((file) => path.relative("app", file))).toContain(path.join("api", "v1", "me", "route.ts"));
  });

  it("declares every wrapped route force-dynamic", () => {
    const missing = wrapped.filter(
      (file) => !/^export const dynamic = "force-dynamic";$/m.test(readFileSync(file, "utf8")),
    );
    expect(missing.map((file) => path.relative(process.cwd(), file))).toEqual([]);
  });
});
