import { z } from "zod";
import {
  amountSchema,
  createdRangeQuery,
  currencySchema,
  descriptionAndMetadata,
  descriptionSchema,
  metadataSchema,
  listOf,
  listQuerySchema,
  ownedObjectSchema,
  searchQuerySchema,
  updateBodySchema,
  type FiltersOf,
} from "./common";
import { merchantCollection, modeQuery } from "./merchant-objects";
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

/** The dashboard's list of payment links: one mode, filtered by status, currency, created range and a search. */
export const merchantPaymentLinkListQuerySchema = listQuerySchema.extend({
  ...modeQuery,
  status: z.enum(["active", "archived"]).optional(),
  currency: currencySchema.optional(),
  ...createdRangeQuery,
  q: searchQuerySchema.describe("An id (plink_…), or text in the description"),
});
/** What the list of payment links may filter by (the API's list, or the dashboard's with more). */
export type PaymentLinkListQuery = FiltersOf<z.infer<typeof merchantPaymentLinkListQuerySchema>>;

const merchantLinks = merchantCollection("/api/v1/merchant/payment-links", paymentLinkSchema);
export const merchantPaymentLinks = {
  list: merchantLinks.list({
    summary: "The current merchant's payment links of one mode, newest first (filters and search)",
    query: merchantPaymentLinkListQuerySchema,
    response: listOf(paymentLinkSchema),
  }),
  create: merchantLinks.create({
    summary: "Create a payment link from the dashboard (in the mode given, test by default)",
    body: createPaymentLinkSchema.extend(modeQuery),
  }),
  retrieve: merchantLinks.retrieve({ summary: "Retrieve one of the current merchant's payment links" }),
  archive: merchantLinks.action("archive", { summary: "Archive one of the merchant's payment links (active: false)" }),
};
