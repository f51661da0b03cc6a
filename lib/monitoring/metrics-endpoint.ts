import { hash, timingSafeEqual } from "node:crypto";
import { config } from "../config";
import { db } from "../db";
import { ApiError } from "../http/errors";
import { measure, scrape } from "../metrics";
import { webhookQueueDepth } from "../webhooks";
import { refusal } from "./refusal";

measure({ webhookQueueDepth: () => webhookQueueDepth(db) });

const digest = (value: string) => hash("sha256", value, "buffer");

/** `Authorization: Bearer <token>` against the configured token, in constant time (both sides hashed to 32 bytes). */
function presentsToken(authorization: string | null, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

/**
 * `GET /api/metrics`: this process's metrics in Prometheus's text format, for a bearer of METRICS_TOKEN. Without the
 * variable the endpoint does not exist (404); a missing or wrong token is a 401.
 */
export async function metricsEndpoint(request: Request): Promise<Response> {
  const token = config.METRICS_TOKEN;
  if (token === undefined) {
    return refusal(
      new ApiError(404, "not_found", "metrics_disabled", "Metrics are off: set METRICS_TOKEN to serve them here."),
    );
  }
  if (!presentsToken(request.headers.get("authorization"), token)) {
    return refusal(
      new ApiError(
        401,
        "authentication",
        "invalid_metrics_token",
        "A valid metrics token is required: send it as `Authorization: Bearer <METRICS_TOKEN>`.",
        { headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } },
      ),
    );
  }
  const { body, contentType } = await scrape();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
