import { customers } from "@/lib/contract";
import { retrieveCustomer, updateCustomer } from "@/lib/payments";
import { preflight, route, withChanges, withId } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(customers.retrieve, withId(retrieveCustomer));

export const PATCH = route(customers.update, withChanges(updateCustomer));

export const OPTIONS = preflight(customers.retrieve, customers.update);
