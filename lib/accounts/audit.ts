import type { Db } from "../db";
import { clientIp } from "../http/client-ip";

export interface AuditActor {
  merchantId: string | null;
  userId?: string | null;
  keyId?: string | null;
}

/** One row per dashboard or management mutation: who did what to which object, from where. */
export async function recordAudit(
  db: Db,
  {
    request,
    actor,
    action,
    target,
    metadata,
  }: {
    request: Request;
    actor: AuditActor;
    action: string;
    target: { type: string; id: string };
    metadata?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      merchantId: actor.merchantId,
      actorUserId: actor.userId ?? null,
      actorKeyId: actor.keyId ?? null,
      action,
      targetType: target.type,
      targetId: target.id,
      ip: clientIp(request.headers),
      userAgent: request.headers.get("user-agent")?.slice(0, 500) ?? null,
      metadata: metadata ?? undefined,
    },
  });
}
