import { z } from "zod";
import { idempotent, listOf, listQuerySchema, metadataSchema, ownedObjectSchema } from "./common";
import { collection, scoped } from "./operation";

export const createCustomerSchema = z.strictObject({
  email: z.email().max(254).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(500).optional(),
  metadata: metadataSchema.optional(),
});
export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;

export const updateCustomerSchema = z
  .strictObject({
    email: z.email().max(254).nullable().optional(),
    name: z.string().trim().min(1).max(200).nullable().optional(),
    description: z.string().max(500).nullable().optional(),
    metadata: metadataSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Provide at least one field to update");
export type UpdateCustomerInput = z.infer<typeof updateCustomerSchema>;

export const customerListQuerySchema = listQuerySchema.extend({ email: z.string().max(254).optional() });
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

export const customerSchema = ownedObjectSchema("customer").extend({
  email: z.string().nullable(),
  name: z.string().nullable(),
  description: z.string().nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

const customerCollection = collection({
  tag: "Customers",
  path: "/api/v1/customers",
  object: customerSchema,
  ...scoped("customers"),
});
export const customers = {
  create: customerCollection.create({
    summary: "Create a customer",
    description: idempotent,
    body: createCustomerSchema,
  }),
  list: customerCollection.list({
    summary: "List customers, newest first (filter by email)",
    query: customerListQuerySchema,
    response: listOf(customerSchema),
  }),
  retrieve: customerCollection.retrieve({ summary: "Retrieve a customer" }),
  update: customerCollection.update({ summary: "Update a customer (null clears a field)", body: updateCustomerSchema }),
};
