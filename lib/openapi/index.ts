export { apiRoutes, apiKeyRoutes, type RouteDescription, type HttpMethod } from "./registry";
export { managementRoutes } from "./management";
export { buildOpenApiDocument, jsonSchemaOf, API_DESCRIPTION, type OpenApiDocument } from "./document";
export { listOf, errorEnvelopeSchema, apiKeySelfSchema, type ApiKeySelf } from "./schemas";
