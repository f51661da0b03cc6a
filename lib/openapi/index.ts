export { buildOpenApiDocument, jsonSchemaOf, operationId, API_DESCRIPTION, type OpenApiDocument } from "./document";
export { curlExample } from "./curl";
