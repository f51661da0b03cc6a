import { customers } from "@/lib/contract";
import { retrieveCustomer, updateCustomer } from "@/lib/payments";
import { preflight, route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(customers.retrieve, ({ ctx, owner, params }) =>
  retrieveCustomer(ctx, { owner, id: params.id }),
);

export const PATCH = route(customers.update, ({ ctx, owner, params, body }) =>
  updateCustomer(ctx, { owner, id: params.id, changes: body }),
);

export const OPTIONS = preflight(customers.retrieve, customers.update);
