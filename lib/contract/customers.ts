import { z } from "zod";
import { idempotent, listOf, listQuerySchema, metadataSchema, ownedObjectSchema } from "./common";
import { apiKey, operation } from "./operation";

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

const tag = "Customers";
export const customers = {
  create: operation({
    method: "POST",
    path: "/api/v1/customers",
    auth: apiKey("customers:write"),
    tag,
    summary: "Create a customer",
    description: idempotent,
    body: createCustomerSchema,
    response: customerSchema,
    status: 201,
    errors: [400],
  }),
  list: operation({
    method: "GET",
    path: "/api/v1/customers",
    auth: apiKey("customers:read"),
    tag,
    summary: "List customers, newest first (filter by email)",
    query: customerListQuerySchema,
    response: listOf(customerSchema),
    errors: [400],
  }),
  retrieve: operation({
    method: "GET",
    path: "/api/v1/customers/{id}",
    auth: apiKey("customers:read"),
    tag,
    summary: "Retrieve a customer",
    response: customerSchema,
    errors: [404],
  }),
  update: operation({
    method: "PATCH",
    path: "/api/v1/customers/{id}",
    auth: apiKey("customers:write"),
    tag,
    summary: "Update a customer (null clears a field)",
    body: updateCustomerSchema,
    response: customerSchema,
    errors: [400, 404],
  }),
};
