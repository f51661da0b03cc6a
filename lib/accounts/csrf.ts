import { config } from "../config";

/**
 * The origin (scheme, host and port) the app's pages are served from: AUTH_URL's when it is set; otherwise the one
 * this request was sent to, its scheme from X-Forwarded-Proto (which `next start` always sets) or the request URL,
 * and its host from the Host header (not request.url, whose host Next.js rewrites, e.g. 127.0.0.1 to localhost).
 */
export function appOrigin(request: Request): string | null {
  if (config.AUTH_URL) return new URL(config.AUTH_URL).origin;
  const host = request.headers.get("host");
  if (!host) return null;
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const scheme = forwarded === "https" || forwarded === "http" ? forwarded : new URL(request.url).protocol.slice(0, -1);
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * True when a browser request comes from the app's own pages (CSRF): its `Origin` is exactly the app's origin, and
 * its `Sec-Fetch-Site`, when the browser sends one, is `same-origin` (`same-site` is a sibling subdomain, `cross-site`
 * and `none` are not the dashboard either).
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = request.headers.get("origin");
  return origin !== null && origin === appOrigin(request);
}
