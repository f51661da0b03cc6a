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
import { apiKey, operation } from "./operation";

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

const tag = "Payment links";
export const paymentLinks = {
  create: operation({
    method: "POST",
    path: "/api/v1/payment_links",
    auth: apiKey("links:write"),
    tag,
    summary: "Create a payment link",
    description: idempotent,
    body: createPaymentLinkSchema,
    response: paymentLinkSchema,
    status: 201,
    errors: [400],
  }),
  list: operation({
    method: "GET",
    path: "/api/v1/payment_links",
    auth: apiKey("links:read"),
    tag,
    summary: "List payment links, newest first",
    query: listQuerySchema,
    response: listOf(paymentLinkSchema),
    errors: [400],
  }),
  retrieve: operation({
    method: "GET",
    path: "/api/v1/payment_links/{id}",
    auth: apiKey("links:read"),
    tag,
    summary: "Retrieve a payment link",
    response: paymentLinkSchema,
    errors: [404],
  }),
  update: operation({
    method: "PATCH",
    path: "/api/v1/payment_links/{id}",
    auth: apiKey("links:write"),
    tag,
    summary: "Update a payment link's description or metadata",
    body: updatePaymentLinkSchema,
    response: paymentLinkSchema,
    errors: [400, 404],
  }),
  archive: operation({
    method: "POST",
    path: "/api/v1/payment_links/{id}/archive",
    auth: apiKey("links:write"),
    tag,
    summary: "Archive a payment link (active: false)",
    response: paymentLinkSchema,
    errors: [404],
  }),
};
