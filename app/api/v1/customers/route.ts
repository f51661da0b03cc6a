import { json, parseInput } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { createCustomer, listCustomers } from "@/lib/payments";
import { createCustomerSchema, customerListQuerySchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = withApiKey({ scope: "customers:read" }, async ({ ownerId, livemode, query }) =>
  json(await listCustomers(db, { ownerId, livemode }, parseInput(customerListQuerySchema, Object.fromEntries(query)))),
);

export const POST = withApiKey({ scope: "customers:write" }, async ({ ownerId, livemode, key, body }) =>
  json(await createCustomer(db, { ownerId, livemode }, key.id, parseInput(createCustomerSchema, body)), 201),
);
