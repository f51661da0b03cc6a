import { z } from "zod";
import { scopeListSchema } from "../auth/scopes";
import { isIpRule } from "./ip-rule";

export const KEY_MODES = ["test", "live"] as const;
export type KeyMode = (typeof KEY_MODES)[number];
export const keyModeSchema = z.enum(KEY_MODES);

/** What it takes to create a key, from the dashboard's Create key dialog, the management API or a library call. */
export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  mode: keyModeSchema.default("test"),
  scopes: scopeListSchema.default([]),
  expiresAt: z.coerce
    .date()
    .refine((date) => date.getTime() > Date.now(), "must be in the future")
    .optional(),
  rateLimit: z.number().int().min(1).max(100_000).optional(),
  ipAllowlist: z.array(z.string().refine(isIpRule, "must be an IP address or CIDR range")).min(1).max(100).optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
