export { ApiError, notFound, invalidRequest, type ErrorEnvelope, type ApiErrorType } from "./errors";
export { parseInput } from "./parse-input";
export { json, errorResponse, toApiError } from "./respond";
export { newRequestId } from "./request-id";
export { newObjectId } from "../ids";
