import { requestLogs } from "@/lib/contract";
import { listRequestLogs } from "@/lib/request-log";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// The current merchant's API requests, newest first, filtered as the Logs page asks.
export const GET = route(requestLogs.list, ({ ctx, merchant, query }) =>
  listRequestLogs(ctx, { merchantId: merchant.id, query }),
);
