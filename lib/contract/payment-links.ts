import { z } from "zod";
import {
  amountSchema,
  currencySchema,
  descriptionAndMetadata,
  descriptionSchema,
  metadataSchema,
  ownedObjectSchema,
  updateBodySchema,
} from "./common";
import { keyCollection } from "./operation";

export const createPaymentLinkSchema = z.strictObject({
  amount: amountSchema,
  currency: currencySchema,
  ...descriptionAndMetadata,
});

export type CreatePaymentLinkInput = z.infer<typeof createPaymentLinkSchema>;

export const updatePaymentLinkSchema = updateBodySchema(
  { description: descriptionSchema.nullable(), metadata: metadataSchema },
  "Provide at least one field to update: description or metadata",
);
export type UpdatePaymentLinkInput = z.infer<typeof updatePaymentLinkSchema>;

export const paymentLinkSchema = ownedObjectSchema("payment_link").extend({
  active: z.boolean(),
  amount: z.number().int(),
  currency: z.string(),
  description: z.string().nullable(),
});
export type PaymentLink = z.infer<typeof paymentLinkSchema>;

export const paymentLinkCollection = keyCollection("links", paymentLinkSchema);
export const paymentLinks = {
  create: paymentLinkCollection.create({ body: createPaymentLinkSchema }),
  list: paymentLinkCollection.list({ summary: "List payment links, newest first" }),
  retrieve: paymentLinkCollection.retrieve(),
  update: paymentLinkCollection.update({
    summary: "Update a payment link's description or metadata",
    body: updatePaymentLinkSchema,
  }),
  archive: paymentLinkCollection.action("archive", { summary: "Archive a payment link (active: false)" }),
};
