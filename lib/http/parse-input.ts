import type { z } from "zod";
import { ApiError } from "./errors";

/** Parses input with a shared zod schema; the first issue becomes a 400 naming the parameter. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const param = [...issue.path.map(String), issue.keys[0]].join(".");
    const message = issue.keys[0] ? `Unknown parameter: ${param}.` : "A parameter without a name was sent.";
    throw new ApiError(400, "invalid_request", "parameter_unknown", message, { param });
  }
  const param = issue?.path.map(String).join(".") || undefined;
  const message = issue ? (param ? `Invalid ${param}: ${issue.message}` : issue.message) : "Invalid request.";
  throw new ApiError(400, "invalid_request", "parameter_invalid", message, { param });
}

/** The query string as the operation's schema reads it: the last of repeated keys wins. */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.infer<S> {
  for (const [name, value] of params) {
    const reason = unsafeText(value) ?? unsafeText(name);
    if (reason)
      throw new ApiError(400, "invalid_request", "parameter_invalid", `Invalid ${name}: ${reason}.`, { param: name });
  }
  return parseInput(schema, Object.fromEntries(params));
}

/** Keys that name an object's prototype machinery: an object built from input would drop or misread them. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function unsafeText(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain the NUL character (\\u0000)";
  if (!text.isWellFormed()) return "must be valid Unicode: it has a lone surrogate (an invalid \\uD800-\\uDFFF escape)";
  return null;
}

/** The place (`metadata.__proto__`) of the first key or string in a parsed value that no schema should see. */
function unsafeAt(value: unknown, path: string): { param: string; reason: string } | null {
  if (typeof value === "string") {
    const reason = unsafeText(value);
    return reason ? { param: path, reason } : null;
  }
  if (typeof value !== "object" || value === null) return null;
  const isArray = Array.isArray(value);
  for (const [key, child] of Object.entries(value)) {
    const at = isArray ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!isArray) {
      if (RESERVED_KEYS.has(key))
        return { param: at, reason: '"__proto__", "constructor" and "prototype" can\'t be used as keys' };
      const reason = unsafeText(key);
      if (reason) return { param: at, reason: `its name ${reason}` };
    }
    const found = unsafeAt(child, at);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses, with a 400 naming the place, input that zod would pass on but that must not reach a handler: a
 * `__proto__`, `constructor` or `prototype` key (zod drops it silently), a NUL character (PostgreSQL can't store
 * one) or a lone surrogate (it would be stored as U+FFFD, changing the text).
 */
export function refuseUnsafeInput(value: unknown): void {
  const found = unsafeAt(value, "");
  if (!found) return;
  const message = found.param
    ? `Invalid ${found.param}: ${found.reason}.`
    : `Invalid request body: it ${found.reason}.`;
  throw new ApiError(400, "invalid_request", "parameter_invalid", message, {
    ...(found.param !== "" && { param: found.param }),
  });
}
