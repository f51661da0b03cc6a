import { z } from "zod";
import {
  amountSchema,
  createdRangeQuery,
  currencySchema,
  idempotent,
  listOf,
  listQuerySchema,
  metadataSchema,
  ownedObjectSchema,
  searchQuerySchema,
  type FiltersOf,
} from "./common";
import { merchantCollection, modeQuery } from "./merchant-objects";
import { apiKey, keyCollection, tagged } from "./operation";

export const httpUrlSchema = z.url({ protocol: /^https?$/, message: "must be an http or https URL" }).max(2048);

export const CHECKOUT_SESSION_STATUSES = ["open", "complete", "expired"] as const;

/** Exactly one of `amount` (with `currency`) or `payment_link` (whose amount and currency are used). */
export const createCheckoutSessionSchema = z
  .strictObject({
    amount: amountSchema.optional(),
    payment_link: z.string().min(1).max(64).optional(),
    currency: currencySchema.optional(),
    success_url: httpUrlSchema,
    cancel_url: httpUrlSchema.optional(),
    customer: z.string().min(1).max(64).optional(),
    metadata: metadataSchema.optional(),
  })
  .superRefine((value, context) => {
    if ((value.amount === undefined) === (value.payment_link === undefined)) {
      context.addIssue({ code: "custom", path: ["amount"], message: "Give exactly one of amount or payment_link" });
    } else if (value.amount !== undefined && value.currency === undefined) {
      context.addIssue({ code: "custom", path: ["currency"], message: "is required with amount" });
    }
  })
  .meta({ examples: [{ amount: 2000, currency: "usd", success_url: "https://shop.example/thanks" }] });
export type CreateCheckoutSessionInput = z.infer<typeof createCheckoutSessionSchema>;

export const checkoutSessionListQuerySchema = listQuerySchema.extend({
  status: z.enum(CHECKOUT_SESSION_STATUSES).optional(),
  customer: z.string().min(1).max(64).optional(),
});

export const checkoutSessionSchema = ownedObjectSchema("checkout.session").extend({
  status: z.enum(CHECKOUT_SESSION_STATUSES),
  payment_status: z.enum(["unpaid", "paid"]),
  amount: z.number().int(),
  currency: z.string(),
  payment_link: z.string().nullable(),
  customer: z.string().nullable(),
  success_url: z.string(),
  cancel_url: z.string().nullable(),
  url: z.string().describe("Where to send the buyer"),
  expires_at: z.number().int(),
  completed_at: z.number().int().nullable(),
});
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;

export const checkoutSessionCollection = keyCollection("sessions", checkoutSessionSchema);
export const checkoutSessions = {
  create: checkoutSessionCollection.create({
    description: `Give exactly one of \`amount\` (with \`currency\`) or \`payment_link\` (its amount and currency are used). \`customer\` and \`payment_link\` must be objects of the same mode. The session is open for 24 hours. ${idempotent}`,
    body: createCheckoutSessionSchema,
  }),
  list: checkoutSessionCollection.list({
    summary: "List checkout sessions, newest first (filter by status, customer)",
    query: checkoutSessionListQuerySchema,
  }),
  retrieve: checkoutSessionCollection.retrieve(),
  expire: checkoutSessionCollection.action("expire", {
    summary: "Expire an open checkout session",
    description: "A session that is not open answers 400 `checkout_session_not_open`.",
    errors: [400, 404],
  }),
  complete: tagged(checkoutSessionCollection.tag).post("/api/v1/test_helpers/checkout_sessions/{id}/complete", {
    auth: apiKey("sessions:write"),
    summary: "Test mode: mark an open session paid",
    description:
      "Records `checkout.session.completed`. A live key gets 404; a session that is not open, 400 `checkout_session_not_open`.",
    response: checkoutSessionSchema,
    errors: [400, 404],
  }),
};

/** The dashboard's list of checkout sessions: one mode, by status, customer, currency, created range and a search. */
export const merchantCheckoutSessionListQuerySchema = checkoutSessionListQuerySchema.extend({
  ...modeQuery,
  currency: currencySchema.optional(),
  ...createdRangeQuery,
  q: searchQuerySchema.describe("A session, customer or payment link id (cs_…, cus_…, plink_…)"),
});
/** What the list of checkout sessions may filter by (the API's list, or the dashboard's with more). */
export type CheckoutSessionListQuery = FiltersOf<z.infer<typeof merchantCheckoutSessionListQuerySchema>>;

const merchantSessions = merchantCollection("/api/v1/merchant/checkout-sessions", checkoutSessionSchema);
export const merchantCheckoutSessions = {
  list: merchantSessions.list({
    summary: "The current merchant's checkout sessions of one mode, newest first (filters and search)",
    query: merchantCheckoutSessionListQuerySchema,
    response: listOf(checkoutSessionSchema),
  }),
  retrieve: merchantSessions.retrieve({ summary: "Retrieve one of the current merchant's checkout sessions" }),
  expire: merchantSessions.action("expire", {
    summary: "Expire one of the merchant's open checkout sessions",
    description: "A session that is not open answers 400 `checkout_session_not_open`.",
    errors: [400, 404],
  }),
  complete: merchantSessions.action("complete", {
    summary: "Test mode: mark one of the merchant's open sessions paid",
    description:
      "Records `checkout.session.completed`. A live session answers 400 `livemode_session`; one that is not open, 400 `checkout_session_not_open`.",
    errors: [400, 404],
  }),
};
