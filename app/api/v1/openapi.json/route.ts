import { meta } from "@/lib/contract";
import { buildOpenApiDocument } from "@/lib/openapi";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// Public: the document describes the API, it grants nothing.
export const GET = route(meta.openapi, () => buildOpenApiDocument());
