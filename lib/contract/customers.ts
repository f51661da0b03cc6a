import { z } from "zod";
import {
  descriptionAndMetadata,
  descriptionSchema,
  listQuerySchema,
  metadataSchema,
  ownedObjectSchema,
  updateBodySchema,
} from "./common";
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
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

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
