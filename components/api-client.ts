import type { ErrorEnvelope } from "@/lib/http/errors";

/** An error response of the API, carrying its envelope (code, message, param, requestId). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly detail: ErrorEnvelope["error"],
  ) {
    super(detail.message);
    this.name = "ApiRequestError";
  }

  get code() {
    return this.detail.code;
  }

  get param() {
    return this.detail.param;
  }
}

function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

/**
 * Calls the dashboard's own /api/v1 routes with the session cookie (same origin, so the browser adds Origin for
 * mutations); returns the JSON body, or undefined for 204, and throws ApiRequestError on any error status.
 */
export async function apiFetch<T>(
  path: string,
  options: { method?: "GET" | "POST" | "PATCH" | "DELETE"; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method: options.method ?? "GET",
    headers: options.body === undefined ? undefined : { "Content-Type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
    credentials: "same-origin",
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiRequestError(
      response.status,
      isErrorEnvelope(payload)
        ? payload.error
        : {
            type: "api_error",
            code: "unexpected_response",
            message: `The server answered ${response.status}.`,
            requestId: response.headers.get("request-id") ?? "",
          },
    );
  }
  return payload as T;
}
