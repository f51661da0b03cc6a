import { usage } from "@/lib/contract";
import { readUsage } from "@/lib/keys/usage-report";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// The merchant's requests and errors per hour or day, for the dashboard's usage charts.
export const GET = route(usage.retrieve, ({ ctx, merchant, query }) =>
  readUsage(ctx, { merchantId: merchant.id, query }),
);
