import type { ApiError } from "../http/errors";
import { newRequestId } from "../http/request-id";
import { errorResponse } from "../http/respond";

/** The error envelope for the endpoints outside the pipeline, with the headers the pipeline would have set. */
export function refusal(error: ApiError): Response {
  const requestId = newRequestId();
  const response = errorResponse(error, requestId);
  response.headers.set("X-Request-Id", requestId);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
