import { z } from "zod";
import { listOf, listQuerySchema } from "./common";
import { unixTimeSchema } from "./common";
import { management } from "./operation";

/** Who made a change: a member in the dashboard, or a management token (on behalf of the member who created it). */
export const auditActorSchema = z.object({
  type: z.enum(["user", "management_token", "unknown"]),
  id: z.string().nullable().describe("The user's id, or the management token's (mtok_…)"),
  name: z.string().nullable().describe("The user's name, or the token's name"),
  email: z.string().nullable().describe("The user's e-mail; for a token, its creator's"),
  userId: z.string().nullable(),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  object: z.literal("audit_event"),
  action: z.string().describe("<object>.<change>, e.g. api_key.rolled"),
  actor: auditActorSchema,
  target: z.object({ type: z.string(), id: z.string() }),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventListQuerySchema = listQuerySchema.extend({
  actor: z.string().trim().min(1).max(64).optional().describe("A user id or a management token id"),
  action: z.string().trim().min(1).max(100).optional().describe("Exactly this action, e.g. api_key.created"),
  target: z.string().trim().min(1).max(64).optional().describe("The id of the object changed"),
  "created[gte]": unixTimeSchema.optional(),
  "created[lt]": unixTimeSchema.optional(),
});
export type AuditEventListQuery = z.infer<typeof auditEventListQuerySchema>;

export const auditEvents = {
  list: management.get("/api/v1/audit-events", {
    summary: "The current merchant's audit log, newest first",
    description:
      "Every change made in the dashboard or with a management token: who, what, to which object, from which IP and user agent. Page with `starting_after` (the last id of the previous page).",
    query: auditEventListQuerySchema,
    response: listOf(auditEventSchema),
    errors: [400],
  }),
};
