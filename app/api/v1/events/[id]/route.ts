import { events } from "@/lib/contract";
import { retrieveEvent } from "@/lib/events";
import { preflight, route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(events.retrieve, ({ ctx, owner, params }) => retrieveEvent(ctx, { owner, id: params.id }));

export const OPTIONS = preflight(events.retrieve);
