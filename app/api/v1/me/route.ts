import { me } from "@/lib/contract";
import { preflight, route } from "@/lib/route";

export const dynamic = "force-dynamic";

// The calling key as the API sees it: no scope needed, no database query and no promise in steady state.
export const GET = route(me.retrieve, ({ key, application, merchant, livemode }) => ({
  object: "api_key" as const,
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  mode: key.mode,
  livemode,
  scopes: key.scopes,
  application,
  merchant,
}));

export const OPTIONS = preflight(me.retrieve);
