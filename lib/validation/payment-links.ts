import { z } from "zod";
import { amountSchema, currencySchema, metadataSchema } from "./common";

export const createPaymentLinkSchema = z.strictObject({
  amount: amountSchema,
  currency: currencySchema,
  description: z.string().max(500).optional(),
  metadata: metadataSchema.optional(),
});

export const updatePaymentLinkSchema = z
  .strictObject({
    description: z.string().max(500).nullable().optional(),
    metadata: metadataSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Provide at least one field to update: description or metadata");

export const paymentLinkSchema = z.object({
  id: z.string(),
  object: z.literal("payment_link"),
  livemode: z.boolean(),
  active: z.boolean(),
  amount: z.number().int(),
  currency: z.string(),
  description: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  created: z.number().int(),
});
export type PaymentLink = z.infer<typeof paymentLinkSchema>;
