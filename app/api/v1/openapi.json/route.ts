import { json } from "@/lib/api";
import { buildOpenApiDocument } from "@/lib/openapi";

// Public: the document describes the API, it grants nothing.
export const GET = async () => json(buildOpenApiDocument());
