import { events } from "@/lib/contract";
import { listEvents } from "@/lib/events";
import { preflight, route, withQuery } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(events.list, withQuery(listEvents));

export const OPTIONS = preflight(events.list);
