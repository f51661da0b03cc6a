import { z } from "zod";
import {
  amountSchema,
  currencySchema,
  idempotent,
  listOf,
  listQuerySchema,
  metadataSchema,
  ownedObjectSchema,
} from "./common";
import { collection, scoped } from "./operation";

export const createPaymentLinkSchema = z.strictObject({
  amount: amountSchema,
  currency: currencySchema,
  description: z.string().max(500).optional(),
  metadata: metadataSchema.optional(),
});

export type CreatePaymentLinkInput = z.infer<typeof createPaymentLinkSchema>;

export const updatePaymentLinkSchema = z
  .strictObject({
    description: z.string().max(500).nullable().optional(),
    metadata: metadataSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Provide at least one field to update: description or metadata");
export type UpdatePaymentLinkInput = z.infer<typeof updatePaymentLinkSchema>;

export const paymentLinkSchema = ownedObjectSchema("payment_link").extend({
  active: z.boolean(),
  amount: z.number().int(),
  currency: z.string(),
  description: z.string().nullable(),
});
export type PaymentLink = z.infer<typeof paymentLinkSchema>;

const links = collection({
  tag: "Payment links",
  path: "/api/v1/payment_links",
  object: paymentLinkSchema,
  ...scoped("links"),
});
export const paymentLinks = {
  create: links.create({ summary: "Create a payment link", description: idempotent, body: createPaymentLinkSchema }),
  list: links.list({
    summary: "List payment links, newest first",
    query: listQuerySchema,
    response: listOf(paymentLinkSchema),
  }),
  retrieve: links.retrieve({ summary: "Retrieve a payment link" }),
  update: links.update({ summary: "Update a payment link's description or metadata", body: updatePaymentLinkSchema }),
  archive: links.action("archive", { summary: "Archive a payment link (active: false)" }),
};
