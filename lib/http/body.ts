import { ApiError } from "./errors";
import { refuseUnsafeInput } from "./parse-input";

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () =>
  new ApiError(413, "invalid_request", "body_too_large", `The request body must not exceed ${MAX_BODY_BYTES} bytes.`);

/** Reads at most 1 MB of body without buffering more than that, whatever Content-Length claims. */
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The parsed JSON body, `undefined` when empty; 400 `invalid_json` when it does not parse, and 400 naming the
 * place when it holds what no schema should see (`refuseUnsafeInput`).
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "invalid_request", "invalid_json", "The request body is not valid JSON.");
  }
  refuseUnsafeInput(body);
  return body;
}

const MUTATING = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/** POST, PATCH, PUT and DELETE carry a body and may be replayed with an Idempotency-Key; reads do neither. */
export const isMutating = (method: string): boolean => MUTATING.has(method);

/** `application/json`, with or without parameters, or a `+json` type such as `application/merge-patch+json`. */
function isJson(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/**
 * The raw text (for idempotency hashing) and parsed JSON body of a mutating request; empty for reads. A body in any
 * other media type is refused with 415 rather than parsed as JSON by accident.
 */
export async function readRequestBody(request: Request): Promise<{ text: string; body: unknown }> {
  const text = isMutating(request.method) ? await readBodyText(request) : "";
  if (text.trim() !== "" && !isJson(request.headers.get("content-type"))) {
    throw new ApiError(
      415,
      "invalid_request",
      "unsupported_media_type",
      "Send the request body as JSON with the header 'Content-Type: application/json'.",
    );
  }
  return { text, body: parseJsonBody(text) };
}
