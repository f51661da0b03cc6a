import { events } from "@/lib/contract";
import { retrieveEvent } from "@/lib/events";
import { preflight, route, withId } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(events.retrieve, withId(retrieveEvent));

export const OPTIONS = preflight(events.retrieve);
