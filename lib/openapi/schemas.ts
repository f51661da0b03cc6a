import { z } from "zod";
import { SCOPES } from "../auth/scopes";

/** `{ object: "list", url, has_more, data }`: every list route's envelope. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ object: z.literal("list"), url: z.string(), has_more: z.boolean(), data: z.array(item) });

export const errorEnvelopeSchema = z.object({
  error: z.object({
    type: z.enum([
      "authentication",
      "permission",
      "invalid_request",
      "not_found",
      "rate_limited",
      "idempotency",
      "api_error",
    ]),
    code: z.string().describe("Machine-readable, e.g. parameter_invalid, missing_scope, resource_missing"),
    message: z.string(),
    requestId: z.string().describe("Also in the X-Request-Id header; quote it to support"),
    param: z.string().optional().describe("The parameter at fault, for 400s"),
  }),
});

/** `GET /api/v1/me`: the calling key. */
export const apiKeySelfSchema = z.object({
  object: z.literal("api_key"),
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  mode: z.enum(["test", "live"]),
  livemode: z.boolean(),
  scopes: z.array(z.enum(SCOPES)),
  application: z.object({ id: z.string(), name: z.string() }).nullable(),
  merchant: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ApiKeySelf = z.infer<typeof apiKeySelfSchema>;
