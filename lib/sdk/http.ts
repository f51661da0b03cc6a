import { errorFromResponse, MerchantConsoleError } from "./errors";

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;
export type QueryValue = string | number | boolean | undefined;

export interface TransportOptions {
  /** Sent as `Authorization: Bearer`; absent for the dashboard, which calls with its session cookie. */
  apiKey?: string;
  baseUrl: string;
  maxRetries: number;
  fetch: Fetch;
  sleep: (ms: number) => Promise<void>;
  /** Send an Idempotency-Key with every POST (API keys honour it). */
  idempotency: boolean;
  /** `same-origin` for the dashboard's cookie. */
  credentials?: RequestCredentials;
}

export interface RequestOptions {
  /** Sent as Idempotency-Key on POST; generated when absent, and the same for every retry of the call. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** Longer Retry-After waits than this are not waited out: the call fails with the 429. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** 0.5 s, 1 s, 2 s, … (capped at 8 s) with ±25 % jitter. */
export function backoffMs(retry: number): number {
  return Math.min(500 * 2 ** retry, 8000) * (0.75 + Math.random() * 0.5);
}

function retryAfterMs(response: Response): number | null {
  const header = response.headers.get("retry-after");
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header) * 1000;
}

export function queryString(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * One API call: JSON in and out, bearer auth, retries on network errors, 429 (after Retry-After) and 5xx. Other
 * 4xx are never retried. POSTs carry an Idempotency-Key, so a retried POST never creates twice.
 */
export async function request<T>(
  transport: TransportOptions,
  call: {
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
    path: string;
    query?: Record<string, QueryValue>;
    body?: unknown;
  },
  options: RequestOptions = {},
): Promise<T> {
  const { method, path, ...input } = call;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (transport.apiKey) headers.Authorization = `Bearer ${transport.apiKey}`;
  if (input.body !== undefined) headers["Content-Type"] = "application/json";
  if (method === "POST" && (transport.idempotency || options.idempotencyKey)) {
    headers["Idempotency-Key"] = options.idempotencyKey ?? crypto.randomUUID();
  }
  const url = `${transport.baseUrl.replace(/\/+$/, "")}${path}${queryString(input.query)}`;
  const init: RequestInit = {
    method,
    headers,
    body: input.body === undefined ? undefined : JSON.stringify(input.body),
    signal: options.signal,
    ...(transport.credentials ? { credentials: transport.credentials } : {}),
  };

  for (let retry = 0; ; retry += 1) {
    let response: Response;
    try {
      response = await transport.fetch(url, init);
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      if (retry < transport.maxRetries) {
        await transport.sleep(backoffMs(retry));
        continue;
      }
      const message = `Could not reach the API at ${transport.baseUrl}: ${(cause as Error)?.message ?? String(cause)}`;
      throw new MerchantConsoleError(
        { status: 0, type: "api_error", code: "network_error", message, requestId: null },
        { cause },
      );
    }
    if (response.status === 204) return undefined as T;
    if (response.ok) return (await response.json()) as T;
    if ((response.status === 429 || response.status >= 500) && retry < transport.maxRetries) {
      const wait = retryAfterMs(response) ?? backoffMs(retry);
      if (wait <= MAX_RETRY_AFTER_MS) {
        await response.body?.cancel();
        await transport.sleep(wait);
        continue;
      }
    }
    throw await errorFromResponse(response);
  }
}
