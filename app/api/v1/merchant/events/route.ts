import { merchantEvents } from "@/lib/contract";
import { listObjectEvents } from "@/lib/events";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantEvents.list, ({ ctx, merchant, query }) =>
  listObjectEvents(ctx, { ownerId: merchant.id, query }),
);
