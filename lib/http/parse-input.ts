import type { z } from "zod";
import { ApiError } from "./errors";

/** Parses input with a shared zod schema; the first issue becomes a 400 naming the parameter. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const param = [...issue.path.map(String), issue.keys[0]].join(".");
    throw new ApiError(400, "invalid_request", "parameter_unknown", `Unknown parameter: ${param}.`, { param });
  }
  const param = issue?.path.map(String).join(".") || undefined;
  const message = issue ? (param ? `Invalid ${param}: ${issue.message}` : issue.message) : "Invalid request.";
  throw new ApiError(400, "invalid_request", "parameter_invalid", message, { param });
}
