import { config } from "../config";

/**
 * True when a browser request comes from the app's own pages: its Origin names this server, as AUTH_URL or the
 * Host header says (not request.url, whose host Next.js rewrites, e.g. 127.0.0.1 to localhost).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = [config.AUTH_URL ? new URL(config.AUTH_URL).host : null, request.headers.get("host")];
  return allowed.includes(host);
}
