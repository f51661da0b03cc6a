import { z } from "zod";
import { anyone, tagged } from "./operation";

export const API_ERROR_TYPES = [
  "authentication",
  "permission",
  "invalid_request",
  "not_found",
  "rate_limited",
  "idempotency",
  "api_error",
] as const;
export type ApiErrorType = (typeof API_ERROR_TYPES)[number];

/** The one error envelope every operation answers with. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    type: z.enum(API_ERROR_TYPES),
    code: z.string().describe("Machine-readable, e.g. parameter_invalid, missing_scope, resource_missing"),
    message: z.string(),
    requestId: z.string().describe("Also in the X-Request-Id header; quote it to support"),
    param: z.string().optional().describe("The parameter at fault, for 400s"),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export const meta = {
  openapi: tagged("Meta").get("/api/v1/openapi.json", {
    auth: anyone(),
    summary: "This OpenAPI 3.1 document",
    response: z.record(z.string(), z.unknown()),
  }),
};
