import { z } from "zod";
import { API_KEY_STATUSES, keyModeSchema } from "./api-keys";
import { updateBodySchema } from "./common";
import { collection, management, member } from "./operation";

const originSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
    } catch {
      return false;
    }
  }, "must be an origin such as https://shop.example (scheme and host, no path)");

const applicationFields = {
  name: z
    .string()
    .trim()
    .min(1, "is required")
    .max(100, "must be at most 100 characters")
    .describe("Unique in the merchant, ignoring case and surrounding spaces; at most 100 characters"),
  description: z.string().trim().max(500).describe("What the application is for; at most 500 characters"),
  allowedOrigins: z
    .array(originSchema)
    .max(20, "can list at most 20 origins")
    .describe("Origins whose pages may call the API with its keys from a browser (CORS); empty: servers only"),
};

export const createApplicationSchema = z.strictObject({
  name: applicationFields.name,
  description: applicationFields.description.optional(),
  allowedOrigins: applicationFields.allowedOrigins.default([]),
});
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

/** Rename an application, change its description (`null` clears it) or its allowed origins. */
export const updateApplicationSchema = updateBodySchema(
  {
    name: applicationFields.name,
    description: applicationFields.description.nullable(),
    allowedOrigins: applicationFields.allowedOrigins,
  },
  "Provide at least one field to update: name, description or allowedOrigins",
);
export type UpdateApplicationInput = z.infer<typeof updateApplicationSchema>;

export const applicationListQuerySchema = z.strictObject({
  include: z.enum(["apiKeys"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;

export const applicationStatusSchema = z.strictObject({ isEnabled: z.boolean() });

export const applicationSchema = z.object({
  id: z.string().describe("app_…"),
  name: z.string(),
  description: z.string().nullable(),
  isEnabled: z.boolean().describe("A disabled application's keys get 401 application_disabled"),
  allowedOrigins: z
    .array(z.string())
    .describe("Origins whose pages may call the API with its keys from a browser; empty: servers only"),
  createdAt: z.string().describe("ISO 8601"),
});
export type Application = z.infer<typeof applicationSchema>;

/** A key as listed under its application: never a secret. */
export const keySummarySchema = z.object({
  id: z.string(),
  keyPrefix: z.string(),
  description: z.string(),
  mode: keyModeSchema,
  status: z.enum(API_KEY_STATUSES),
});

export const applicationWithKeysSchema = applicationSchema.extend({ apiKeys: z.array(keySummarySchema) });

export const applicationPageSchema = z.object({
  items: z.array(applicationSchema.extend({ apiKeys: z.array(keySummarySchema).optional() })),
  page: z.number().int(),
  limit: z.number().int(),
  totalItems: z.number().int(),
  totalPages: z.number().int(),
  hasPreviousPage: z.boolean(),
  hasNextPage: z.boolean(),
});
export type ApplicationPage = z.infer<typeof applicationPageSchema>;

export const deletedApplicationSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
  revokedKeys: z.number().int().describe("How many of its keys were active and are now revoked"),
});
export type DeletedApplication = z.infer<typeof deletedApplicationSchema>;

const applicationCollection = collection({
  tag: management.tag,
  path: "/api/v1/applications",
  read: member(),
  write: member("settings.manage"),
  object: applicationSchema,
});
export const applications = {
  list: applicationCollection.list({
    summary: "List applications",
    query: applicationListQuerySchema,
    response: applicationPageSchema,
  }),
  create: applicationCollection.create({
    summary: "Create an application",
    body: createApplicationSchema,
    errors: [400, 409],
  }),
  retrieve: applicationCollection.retrieve({
    summary: "Retrieve an application with its keys (never a secret)",
    response: applicationWithKeysSchema,
  }),
  update: applicationCollection.update({
    summary: "Rename an application, or change its description or allowed origins",
    body: updateApplicationSchema,
    errors: [400, 404, 409],
  }),
  delete: applicationCollection.remove({
    summary: "Delete an application: its keys are revoked at once, and kept (revoked) in the keys list",
    response: deletedApplicationSchema,
  }),
  setStatus: management.patch("/api/v1/applications/{id}/status", {
    auth: member("settings.manage"),
    summary: "Enable or disable an application",
    body: applicationStatusSchema,
    response: applicationSchema,
    errors: [400, 404],
  }),
};
