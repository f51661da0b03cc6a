import { customers } from "@/lib/contract";
import { createCustomer, listCustomers } from "@/lib/payments";
import { preflight, route, withQuery } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(customers.list, withQuery(listCustomers));

export const POST = route(customers.create, ({ ctx, owner, key, body }) =>
  createCustomer(ctx, { owner, keyId: key.id, customer: body }),
);

export const OPTIONS = preflight(customers.list, customers.create);
