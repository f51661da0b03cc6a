import { createHash } from "node:crypto";
import type { Db } from "../db";
import { open, seal } from "../secrets";
import { ApiError } from "./errors";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

interface IdempotentRequest {
  apiKeyId: string;
  key: string;
  method: string;
  path: string;
  body: string;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

/** Responses a retry must not see replayed: failed validation, and server errors (their writes rolled back). */
function shouldStore(response: Response, errorType: string | undefined): boolean {
  return response.status < 500 && errorType !== "invalid_request";
}

/** Stored bodies may hold a secret shown once (a webhook endpoint's `whsec_…`): they are kept sealed. */
const SEALED_AS = "idempotency response";

/**
 * Stripe-style Idempotency-Key: the first request's status and body are kept 24 hours per API key, encrypted, and
 * replayed with `Idempotent-Replayed: true`. The record is claimed before the handler runs, so a concurrent duplicate
 * gets 409 instead of running twice.
 */
export async function runIdempotent(
  db: Db,
  request: IdempotentRequest,
  execute: () => Promise<{ response: Response; errorType?: string }>,
): Promise<Response> {
  if (request.key.length === 0 || request.key.length > MAX_KEY_LENGTH) {
    throw new ApiError(
      400,
      "invalid_request",
      "idempotency_key_invalid",
      `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} characters.`,
      { param: "Idempotency-Key" },
    );
  }
  const bodyHash = createHash("sha256").update(request.body).digest("hex");
  const now = new Date();
  const where = { apiKeyId_key: { apiKeyId: request.apiKeyId, key: request.key } };

  try {
    await db.idempotencyRecord.create({
      data: {
        apiKeyId: request.apiKeyId,
        key: request.key,
        method: request.method,
        path: request.path,
        bodyHash,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.idempotencyRecord.findUnique({ where });
    if (!existing || existing.expiresAt <= now) {
      await db.idempotencyRecord.deleteMany({
        where: { apiKeyId: request.apiKeyId, key: request.key, expiresAt: { lte: now } },
      });
      return runIdempotent(db, request, execute);
    }
    if (existing.method !== request.method || existing.path !== request.path || existing.bodyHash !== bodyHash) {
      throw new ApiError(
        400,
        "idempotency",
        "idempotency_key_reused",
        "This Idempotency-Key was already used with a different request (method, path or body). Use a new key for a new request.",
        { param: "Idempotency-Key" },
      );
    }
    if (existing.status === null || existing.responseBody === null) {
      throw new ApiError(
        409,
        "idempotency",
        "idempotency_conflict",
        "A request with this Idempotency-Key is still being processed. Retry after it completes.",
      );
    }
    const body = open(SEALED_AS, existing.responseBody);
    if (body === null) {
      throw new ApiError(
        409,
        "idempotency",
        "idempotency_record_unreadable",
        "The response stored for this Idempotency-Key can't be read, because AUTH_SECRET has changed since. Use a new key.",
      );
    }
    return new Response(body, {
      status: existing.status,
      headers: { "Content-Type": "application/json", "Idempotent-Replayed": "true" },
    });
  }

  let outcome: { response: Response; errorType?: string } | undefined;
  try {
    outcome = await execute();
    return outcome.response;
  } finally {
    if (outcome && shouldStore(outcome.response, outcome.errorType)) {
      const responseBody = seal(SEALED_AS, await outcome.response.clone().text());
      await db.idempotencyRecord.update({ where, data: { status: outcome.response.status, responseBody } });
    } else {
      await db.idempotencyRecord.delete({ where }).catch(() => undefined);
    }
  }
}

/** Drops records older than 24 hours (run by the cleanup job). */
export function purgeExpiredIdempotencyRecords(db: Db, now = new Date()) {
  return db.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } });
}
