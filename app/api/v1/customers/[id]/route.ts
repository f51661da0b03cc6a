import { json, parseInput } from "@/lib/api";
import { withApiKey } from "@/lib/auth";
import { db } from "@/lib/db";
import { retrieveCustomer, updateCustomer } from "@/lib/payments";
import { updateCustomerSchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = withApiKey<Params>({ scope: "customers:read" }, async ({ ownerId, livemode, params }) =>
  json(await retrieveCustomer(db, { ownerId, livemode }, params.id)),
);

export const PATCH = withApiKey<Params>({ scope: "customers:write" }, async ({ ownerId, livemode, params, body }) =>
  json(await updateCustomer(db, { ownerId, livemode }, params.id, parseInput(updateCustomerSchema, body))),
);
