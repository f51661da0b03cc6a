import { events } from "@/lib/contract";
import { listEvents } from "@/lib/events";
import { preflight, route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(events.list, ({ ctx, owner, query }) => listEvents(ctx, { owner, query }));

export const OPTIONS = preflight(events.list);
