import { json } from "@/lib/api";
import { withApiKey } from "@/lib/auth";

export const dynamic = "force-dynamic";

// The calling key as the API sees it: no scope needed, no database query and no promise in steady state.
export const GET = withApiKey({}, ({ key, application, merchant, livemode }) =>
  json({
    object: "api_key",
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    mode: key.mode,
    livemode,
    scopes: key.scopes,
    application,
    merchant,
  }),
);
