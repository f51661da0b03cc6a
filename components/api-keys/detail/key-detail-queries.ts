import { auditEventListQuerySchema, requestLogListQuerySchema } from "@/lib/contract";

/** The recent requests and audit events the detail page shows: the same queries on the server and in the browser. */
export const RECENT_LIMIT = 10;
export const recentRequestsQuery = (keyId: string) =>
  requestLogListQuerySchema.parse({ apiKeyId: keyId, limit: RECENT_LIMIT });
export const auditTrailQuery = (keyId: string) =>
  auditEventListQuerySchema.parse({ target: keyId, limit: RECENT_LIMIT });
