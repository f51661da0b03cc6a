import { z } from "zod";
import { createApiKeySchema } from "./api-keys";
import { roleSchema } from "../auth/permissions";

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
export type CreateApplicationInput = z.input<typeof createApplicationSchema>;

export const applicationListQuerySchema = z.strictObject({
  include: z.enum(["apiKeys"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export const applicationStatusSchema = z.strictObject({ isEnabled: z.boolean() });

/** The management API's "Generate an API key": `description` is the key's name. */
export const createApplicationKeySchema = createApiKeySchema.omit({ name: true }).extend({
  description: z.string().trim().min(1, "is required: say what the key is for").max(100),
});
export type CreateApplicationKeyInput = z.input<typeof createApplicationKeySchema>;

export const GRACE_PERIODS = { now: 0, "1h": 3600, "24h": 86_400, "7d": 604_800 } as const;
export const rollApiKeySchema = z.strictObject({
  gracePeriod: z
    .enum(Object.keys(GRACE_PERIODS) as [keyof typeof GRACE_PERIODS, ...Array<keyof typeof GRACE_PERIODS>])
    .default("24h"),
});

export const apiKeyListQuerySchema = z.strictObject({
  applicationId: z.string().optional(),
  mode: z.enum(["test", "live"]).optional(),
  status: z.enum(["active", "revoked", "expired"]).optional(),
});

export const MANAGEMENT_TOKEN_LIFETIMES = { "1h": 3600, "8h": 28_800, "24h": 86_400, "7d": 604_800 } as const;
export const createManagementTokenSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  expiresIn: z
    .enum(
      Object.keys(MANAGEMENT_TOKEN_LIFETIMES) as [
        keyof typeof MANAGEMENT_TOKEN_LIFETIMES,
        ...Array<keyof typeof MANAGEMENT_TOKEN_LIFETIMES>,
      ],
    )
    .default("24h"),
});

export const createInviteSchema = z
  .strictObject({
    email: z.email().optional(),
    githubLogin: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub user name")
      .optional(),
    role: roleSchema.exclude(["owner"]).default("developer"),
  })
  .refine((value) => Boolean(value.email) !== Boolean(value.githubLogin), "Give exactly one of email or githubLogin");
