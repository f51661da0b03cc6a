export { buildOpenApiDocument, jsonSchemaOf, API_DESCRIPTION, type OpenApiDocument } from "./document";
