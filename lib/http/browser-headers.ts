/**
 * The headers that keep the dashboard's and landing page's documents from being framed, sniffed or injected into.
 * `proxy.ts` sends the per-request ones (CSP with its nonce, HSTS); `next.config.ts` the static ones, on every path.
 */

/** On every response, the API's included: cheap, and no answer of ours is anything but its declared type. */
export const STATIC_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors 'none' says the same to browsers that read CSP; this also covers Auth.js's pages and old browsers.
  { key: "X-Frame-Options", value: "DENY" },
];

/** Two years; subdomains of the app's host are the app's too. Sent only over HTTPS (browsers ignore it otherwise). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce for one document: 128 random bits in base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * True when the browser reached the app over HTTPS: the TLS proxy in front says so (`X-Forwarded-Proto`, first
 * value), the app's public URL is https (`AUTH_URL`), or the request itself was (`next start --experimental-https`).
 */
export function isHttps(request: { headers: Headers; url: string }, authUrl: string | undefined): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || authUrl?.startsWith("https:") === true || request.url.startsWith("https:");
}

export interface PolicyOptions {
  nonce: string;
  /** `next dev`: React's debugging needs eval, and the dev server's styles are inline. */
  development: boolean;
  https: boolean;
}

/**
 * The Content-Security-Policy of a document: scripts only with this request's nonce (Next.js puts it on its own
 * scripts, and `'strict-dynamic'` lets those load the chunks they import), styles from our stylesheets or with the
 * nonce, everything else from this origin, no plugins, no `<base>`, forms posting only here, and no framing.
 */
export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
