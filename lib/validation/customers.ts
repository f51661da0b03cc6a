import { z } from "zod";
import { listQuerySchema, metadataSchema } from "./common";

export const createCustomerSchema = z.strictObject({
  email: z.email().max(254).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(500).optional(),
  metadata: metadataSchema.optional(),
});

export const updateCustomerSchema = z
  .strictObject({
    email: z.email().max(254).nullable().optional(),
    name: z.string().trim().min(1).max(200).nullable().optional(),
    description: z.string().max(500).nullable().optional(),
    metadata: metadataSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Provide at least one field to update");

export const customerListQuerySchema = listQuerySchema.extend({ email: z.string().max(254).optional() });

export const customerSchema = z.object({
  id: z.string(),
  object: z.literal("customer"),
  livemode: z.boolean(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  created: z.number().int(),
});
export type Customer = z.infer<typeof customerSchema>;
