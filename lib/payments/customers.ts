import type { Context } from "../context";
import type { Db } from "../db";
import { newObjectId } from "../ids";
import { createOwnedObject, recordEvent } from "../events/record";
import {
  customerCollection,
  type CreateCustomerInput,
  type Customer,
  type CustomerListQuery,
  type UpdateCustomerInput,
} from "../contract/customers";
import { createdWhere, ownedFields, ownedObjects, scopeOfObject, type ObjectScope } from "../objects";

type Row = Awaited<ReturnType<Db["customer"]["findUniqueOrThrow"]>>;

export function serializeCustomer(row: Row): Customer {
  return {
    ...ownedFields("customer", row),
    email: row.email,
    name: row.name,
    description: row.description,
  };
}

/** The API's e-mail filter, and the dashboard's created range and search. */
function customerWhere(query: CustomerListQuery) {
  const text = query.q ? [{ email: { contains: query.q } }, { name: { contains: query.q } }] : [];
  return {
    ...(query.email ? { email: query.email } : {}),
    ...createdWhere(query),
    ...(query.q ? { OR: [{ id: query.q }, ...text, { description: { contains: query.q } }] } : {}),
  };
}

const customers = ownedObjects({
  collection: customerCollection,
  model: (db) => db.customer,
  serialize: serializeCustomer,
  filter: customerWhere,
});
export const { list: listCustomers, retrieve: retrieveCustomer } = customers;

/** The scope of one of a merchant's customers, whichever its mode (the dashboard addresses it by id). */
export const customerScope = ({ db }: Context, input: { ownerId: string; id: string }) =>
  scopeOfObject(db.customer, customerCollection, input);

export async function createCustomer(
  ctx: Context,
  { owner, keyId, customer }: { owner: ObjectScope; keyId: string | null; customer: CreateCustomerInput },
) {
  const data = {
    id: newObjectId("cus"),
    ...owner,
    createdByKeyId: keyId,
    ...customer,
    metadata: customer.metadata ?? {},
  };
  return createOwnedObject(ctx, { owner, create: (tx) => tx.customer.create({ data }), serialize: serializeCustomer });
}

export async function updateCustomer(
  { db, requestId }: Context,
  { owner, id, changes }: { owner: ObjectScope; id: string; changes: UpdateCustomerInput },
) {
  return db.$transaction(async (tx) => {
    await customers.find(tx, owner, id);
    const customer = serializeCustomer(await tx.customer.update({ where: { id }, data: changes }));
    await recordEvent(tx, { owner, type: "customer.updated", object: customer, requestId });
    return customer;
  });
}
