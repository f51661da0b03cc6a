import { requestLogs } from "@/lib/contract";
import { retrieveRequestLog } from "@/lib/request-log";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// One request with its trace: objects, events, webhook deliveries and their attempts.
export const GET = route(requestLogs.retrieve, ({ ctx, merchant, params }) =>
  retrieveRequestLog(ctx, { merchantId: merchant.id, id: params.id }),
);
