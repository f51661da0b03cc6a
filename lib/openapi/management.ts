import { z } from "zod";
import {
  apiKeyListQuerySchema,
  applicationListQuerySchema,
  applicationStatusSchema,
  createApplicationKeySchema,
  createApplicationSchema,
  createInviteSchema,
  createManagementTokenSchema,
  rollApiKeySchema,
} from "../validation/applications";
import { linkApiKeySchema } from "../validation/unclaimed-keys";
import type { RouteDescription } from "./registry";

// The management API (dashboard session cookie or management token, never an API key). Its handlers return
// objects without zod response schemas yet, so responses are described loosely here.
const object = (description: string) => z.record(z.string(), z.unknown()).describe(description);
const items = (description: string) =>
  z.object({ items: z.array(z.record(z.string(), z.unknown())) }).describe(description);
const noContent = z.null().describe("No content");

const route = (description: Omit<RouteDescription, "auth" | "scope" | "tag"> & { tag?: string }): RouteDescription => ({
  auth: "management",
  scope: null,
  tag: "Management",
  ...description,
});

export const managementRoutes: RouteDescription[] = [
  route({
    method: "GET",
    path: "/api/v1/merchants",
    summary: "The signed-in user's merchants, with their role in each",
    response: items("Merchants"),
  }),
  route({
    method: "GET",
    path: "/api/v1/members",
    summary: "Members of the current merchant",
    response: object("Members"),
  }),
  route({
    method: "POST",
    path: "/api/v1/invites",
    permission: "members.manage",
    summary: "Invite someone by e-mail or GitHub login",
    body: createInviteSchema,
    response: object("The invite"),
    status: 201,
    errors: [400],
  }),
  route({
    method: "GET",
    path: "/api/v1/applications",
    summary: "List applications",
    query: applicationListQuerySchema,
    response: object("A page of applications"),
    errors: [400],
  }),
  route({
    method: "POST",
    path: "/api/v1/applications",
    permission: "settings.manage",
    summary: "Create an application",
    body: createApplicationSchema,
    response: object("The application"),
    status: 201,
    errors: [400],
  }),
  route({
    method: "GET",
    path: "/api/v1/applications/{id}",
    summary: "Retrieve an application with its keys (never a secret)",
    response: object("The application and apiKeys"),
    errors: [404],
  }),
  route({
    method: "PATCH",
    path: "/api/v1/applications/{id}/status",
    permission: "settings.manage",
    summary: "Enable or disable an application",
    body: applicationStatusSchema,
    response: object("The application"),
    errors: [400, 404],
  }),
  route({
    method: "POST",
    path: "/api/v1/applications/{id}/api-keys",
    permission: "settings.manage",
    summary: "Create an API key (the secret is shown only in this response)",
    body: createApplicationKeySchema,
    response: object("The key and its secret"),
    status: 201,
    errors: [400, 404],
  }),
  route({
    method: "DELETE",
    path: "/api/v1/applications/{id}/api-keys/{keyId}",
    permission: "settings.manage",
    summary: "Revoke an API key at once",
    response: noContent,
    status: 204,
    errors: [404],
  }),
  route({
    method: "POST",
    path: "/api/v1/applications/{id}/api-keys/{keyId}/roll",
    permission: "settings.manage",
    summary: "Roll an API key: a new secret now, the old one works for a grace period",
    body: rollApiKeySchema,
    response: object("The new key, its secret, and rolledKey"),
    status: 201,
    errors: [400, 404],
  }),
  route({
    method: "GET",
    path: "/api/v1/api-keys",
    summary: "Every API key of the current merchant (never a secret)",
    query: apiKeyListQuerySchema,
    response: items("API keys"),
    errors: [400],
  }),
  route({
    method: "POST",
    path: "/api/v1/api-keys/link",
    permission: "settings.manage",
    summary: "Link an existing unclaimed key to the current merchant (rate limited per user)",
    body: linkApiKeySchema,
    response: object("The linked key (never its secret)"),
    errors: [400, 404, 429],
  }),
  route({
    method: "GET",
    path: "/api/v1/management-tokens",
    permission: "settings.manage",
    summary: "List management tokens (dashboard session only)",
    response: items("Management tokens"),
  }),
  route({
    method: "POST",
    path: "/api/v1/management-tokens",
    permission: "settings.manage",
    summary: "Create a management token (dashboard session only; shown once)",
    body: createManagementTokenSchema,
    response: object("The token"),
    status: 201,
    errors: [400],
  }),
  route({
    method: "DELETE",
    path: "/api/v1/management-tokens/{id}",
    permission: "settings.manage",
    summary: "Revoke a management token (dashboard session only)",
    response: object("The revoked token"),
    errors: [404],
  }),
];
