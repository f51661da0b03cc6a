import { auditEvents } from "@/lib/contract";
import { listAuditEvents } from "@/lib/accounts/audit";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(auditEvents.list, ({ ctx, merchant, query }) =>
  listAuditEvents(ctx, { merchantId: merchant.id, query }),
);
