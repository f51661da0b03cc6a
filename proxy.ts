import { NextResponse, type NextRequest } from "next/server";
import { config as settings } from "./lib/config";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, isHttps, newNonce } from "./lib/http/browser-headers";

/**
 * The pages' Content-Security-Policy, with a nonce of its own for every document. Next.js reads the nonce from the
 * CSP on the request and puts it on the scripts it renders (pages render per request: app/layout.tsx), and the
 * browser gets the same CSP on the response; HSTS over HTTPS. The matcher keeps the API out: it answers JSON, and
 * its hot path pays for no proxy (its static headers come from next.config.ts).
 */
export function proxy(request: NextRequest) {
  const https = isHttps(request, settings.AUTH_URL);
  const policy = contentSecurityPolicy({ nonce: newNonce(), development: settings.NODE_ENV === "development", https });
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but /api/*, POST /api-keys and Next.js's static files; prefetches render no document.
      source: "/((?!api/|api-keys$|_next/static|_next/image|favicon\\.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
