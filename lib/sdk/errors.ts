import type { ApiErrorType } from "../contract/meta";

export interface MerchantConsoleErrorFields {
  status: number;
  type: ApiErrorType;
  code: string;
  message: string;
  requestId: string | null;
  param?: string;
}

/**
 * Every failure the client reports: an API error envelope, or `status: 0, code: "network_error"` when no response
 * arrived after the retries (then `cause` holds the underlying error).
 */
export class MerchantConsoleError extends Error {
  readonly status: number;
  readonly type: ApiErrorType;
  readonly code: string;
  readonly requestId: string | null;
  readonly param?: string;

  constructor(fields: MerchantConsoleErrorFields, options?: { cause?: unknown }) {
    super(fields.message, options);
    this.name = "MerchantConsoleError";
    this.status = fields.status;
    this.type = fields.type;
    this.code = fields.code;
    this.requestId = fields.requestId;
    if (fields.param !== undefined) this.param = fields.param;
  }
}

/** The error a non-2xx response stands for; a body that is not the envelope still yields a usable error. */
export async function errorFromResponse(response: Response): Promise<MerchantConsoleError> {
  const requestId = response.headers.get("x-request-id");
  const text = await response.text().catch(() => "");
  try {
    const { error } = JSON.parse(text) as { error?: Partial<MerchantConsoleErrorFields> & { requestId?: string } };
    if (error && typeof error.code === "string" && typeof error.type === "string") {
      return new MerchantConsoleError({
        status: response.status,
        type: error.type,
        code: error.code,
        message: error.message ?? `HTTP ${response.status}`,
        requestId: error.requestId ?? requestId,
        ...(typeof error.param === "string" ? { param: error.param } : {}),
      });
    }
  } catch {
    // not JSON: fall through
  }
  return new MerchantConsoleError({
    status: response.status,
    type: response.status === 429 ? "rate_limited" : "api_error",
    code: "unexpected_response",
    message: `HTTP ${response.status} without an error envelope`,
    requestId,
  });
}
