import type { ApiErrorType, ErrorEnvelope } from "../contract/meta";

export type { ApiErrorType, ErrorEnvelope };

/** Thrown anywhere below a route wrapper; the wrapper renders it as the one error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    readonly code: string,
    message: string,
    readonly options: { param?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  envelope(requestId: string): ErrorEnvelope {
    const { param } = this.options;
    return {
      error: {
        type: this.type,
        code: this.code,
        message: this.message,
        requestId,
        ...(param !== undefined && { param }),
      },
    };
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(404, "not_found", "resource_missing", `No such ${what}: '${id}'.`, { param: "id" });

export const invalidRequest = (code: string, message: string, param?: string) =>
  new ApiError(400, "invalid_request", code, message, { param });

export const internalError = () =>
  new ApiError(
    500,
    "api_error",
    "internal_error",
    "An unexpected error occurred. Please retry; if it persists, contact support with the request id.",
  );

export const serviceUnavailable = () =>
  new ApiError(
    503,
    "api_error",
    "service_unavailable",
    "The service is temporarily unavailable. Please retry shortly.",
    {
      headers: { "Retry-After": "1" },
    },
  );
