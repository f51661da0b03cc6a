import type { NextConfig } from "next";
import { config } from "./lib/config";
import { STATIC_HEADERS } from "./lib/http/browser-headers";

const nextConfig: NextConfig = {
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "ioredis"],
  poweredByHeader: false,
  // Lets two builds coexist in one checkout (e.g. NEXT_DIST_DIR=.next-e2e); .next by default.
  distDir: config.NEXT_DIST_DIR,
  // `npm test` typechecks before it builds; SKIP_BUILD_TYPECHECK=1 lets it skip doing the same work twice.
  typescript: { ignoreBuildErrors: config.SKIP_BUILD_TYPECHECK },
  // nosniff, Referrer-Policy, X-Frame-Options on every response; the pages' CSP and HSTS come from proxy.ts.
  headers: async () => [{ source: "/:path*", headers: [...STATIC_HEADERS] }],
};

export default nextConfig;
