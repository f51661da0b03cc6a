import { z } from "zod";
import "./messages";

/** Stripe-style metadata: up to 50 string pairs, keys ≤ 40 characters, values ≤ 500. */
export const metadataSchema = z
  .record(z.string().min(1).max(40), z.string().max(500))
  .refine((value) => Object.keys(value).length <= 50, "can have at most 50 keys")
  .describe("Your own key-value pairs, returned as sent: up to 50 keys of at most 40 characters, values up to 500");

export const currencySchema = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "must be a three-letter ISO 4217 currency code, such as usd")
  .describe("Three-letter ISO 4217 code, lower-case in answers")
  .meta({ examples: ["usd"] })
  .transform((value) => value.toLowerCase());

/** A free-text note on an object. */
export const descriptionSchema = z
  .string()
  .max(500)
  .describe("A note for you, never shown to customers; at most 500 characters");

/** What a create body of a described object (payment link, customer, webhook endpoint) may add to its own fields. */
export const descriptionAndMetadata = {
  description: descriptionSchema.optional(),
  metadata: metadataSchema.optional(),
};

/** An update body: the fields it may change, each optional (`null` clears a nullable one), and at least one given. */
export function updateBodySchema<Shape extends z.ZodRawShape>(
  shape: Shape,
  message = "Provide at least one field to update",
) {
  return z
    .strictObject(shape)
    .partial()
    .refine((value) => Object.keys(value).length > 0, message);
}

/** Amounts in the currency's smallest unit (cents for usd). */
export const amountSchema = z
  .number()
  .int("must be a whole number of minor units (cents for usd)")
  .positive()
  .max(99_999_999)
  .describe("In the currency's smallest unit (minor units): 2000 is $20.00 in usd")
  .meta({ examples: [2000] });

export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(10).describe("How many objects a page has, 1 to 100"),
  starting_after: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe("The id of the last object of the previous page: the page after it (newest first)"),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** The last second of the year 9999: the latest Unix time a date can hold here. */
const MAX_UNIX_TIME = 253_402_300_799;
export const unixTimeSchema = z.coerce
  .number()
  .int()
  .nonnegative()
  .max(MAX_UNIX_TIME, `must be a Unix time in seconds, at most ${MAX_UNIX_TIME} (the end of the year 9999)`);

/** A list's `created` bounds, in Unix seconds (Stripe's `created[gte]=…`); any of them may be left out. */
export const createdRangeQuery = {
  "created[gt]": unixTimeSchema.optional(),
  "created[gte]": unixTimeSchema.optional(),
  "created[lt]": unixTimeSchema.optional(),
  "created[lte]": unixTimeSchema.optional(),
};
export type CreatedRange = Partial<Record<keyof typeof createdRangeQuery, number>>;

/** A list's free-text search (`q`): what each list matches it against says its description. */
export const searchQuerySchema = z.string().trim().min(1, "must not be empty").max(200).optional();

/** The filters a list adds to its query, each optional: what the domain's filter of that list reads. */
export type FiltersOf<Query> = ListQuery & Partial<Omit<Query, keyof ListQuery>>;

/** `{ object: "list", url, has_more, data }`: every list of the API-key operations. */
export const listOf = <Item extends z.ZodType>(item: Item) =>
  z.object({ object: z.literal("list"), url: z.string(), has_more: z.boolean(), data: z.array(item) });

/** `{ items }`: the lists of the management operations. */
export const itemsOf = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item) });

export const idempotent = "Send `Idempotency-Key` to make retries safe.";

/**
 * What every object a key owns shows (`id`, `object`, `livemode`, `metadata`, `created`); each resource's schema
 * extends it with its own fields, as `ownedFields` in lib/objects builds them.
 */
export const ownedObjectSchema = <Name extends string>(object: Name) =>
  z.object({
    id: z.string(),
    object: z.literal(object),
    livemode: z.boolean().describe("true for a live key's object, false for a test key's"),
    metadata: z.record(z.string(), z.string()).describe("Your own key-value pairs, as you sent them"),
    created: z.number().int().describe("Unix seconds"),
  });
