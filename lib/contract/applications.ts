import { z } from "zod";
import { API_KEY_STATUSES, keyModeSchema } from "./api-keys";
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

export const createApplicationSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  description: z.string().trim().max(500).optional(),
  allowedOrigins: z.array(originSchema).max(20).default([]),
});
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

export const applicationListQuerySchema = z.strictObject({
  include: z.enum(["apiKeys"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;

export const applicationStatusSchema = z.strictObject({ isEnabled: z.boolean() });

export const applicationSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  isEnabled: z.boolean(),
  allowedOrigins: z.array(z.string()),
  createdAt: z.string(),
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
  setStatus: management.patch("/api/v1/applications/{id}/status", {
    auth: member("settings.manage"),
    summary: "Enable or disable an application",
    body: applicationStatusSchema,
    response: applicationSchema,
    errors: [400, 404],
  }),
};
