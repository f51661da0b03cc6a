import { z } from "zod";
import {
  createdRangeQuery,
  descriptionAndMetadata,
  descriptionSchema,
  listOf,
  listQuerySchema,
  metadataSchema,
  ownedObjectSchema,
  searchQuerySchema,
  updateBodySchema,
  type FiltersOf,
} from "./common";
import { merchantCollection, modeQuery } from "./merchant-objects";
import { keyCollection } from "./operation";

export const createCustomerSchema = z.strictObject({
  email: z.email().max(254).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  ...descriptionAndMetadata,
});
export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;

export const updateCustomerSchema = updateBodySchema({
  email: z.email().max(254).nullable(),
  name: z.string().trim().min(1).max(200).nullable(),
  description: descriptionSchema.nullable(),
  metadata: metadataSchema,
});
export type UpdateCustomerInput = z.infer<typeof updateCustomerSchema>;

export const customerListQuerySchema = listQuerySchema.extend({ email: z.string().max(254).optional() });

export const customerSchema = ownedObjectSchema("customer").extend({
  email: z.string().nullable(),
  name: z.string().nullable(),
  description: z.string().nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerCollection = keyCollection("customers", customerSchema);
export const customers = {
  create: customerCollection.create({ body: createCustomerSchema }),
  list: customerCollection.list({
    summary: "List customers, newest first (filter by email)",
    query: customerListQuerySchema,
  }),
  retrieve: customerCollection.retrieve(),
  update: customerCollection.update({ summary: "Update a customer (null clears a field)", body: updateCustomerSchema }),
};

/** The dashboard's list of customers: one mode, by e-mail, created range and a search. */
export const merchantCustomerListQuerySchema = customerListQuerySchema.extend({
  ...modeQuery,
  ...createdRangeQuery,
  q: searchQuerySchema.describe("An id (cus_…), or text in the e-mail, name or description"),
});
/** What the list of customers may filter by (the API's list, or the dashboard's with more). */
export type CustomerListQuery = FiltersOf<z.infer<typeof merchantCustomerListQuerySchema>>;

const merchantCustomerCollection = merchantCollection("/api/v1/merchant/customers", customerSchema);
export const merchantCustomers = {
  list: merchantCustomerCollection.list({
    summary: "The current merchant's customers of one mode, newest first (filters and search)",
    query: merchantCustomerListQuerySchema,
    response: listOf(customerSchema),
  }),
  create: merchantCustomerCollection.create({
    summary: "Create a customer from the dashboard (in the mode given, test by default)",
    body: createCustomerSchema.extend(modeQuery),
  }),
  retrieve: merchantCustomerCollection.retrieve({ summary: "Retrieve one of the current merchant's customers" }),
};
