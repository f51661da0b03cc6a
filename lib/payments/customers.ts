import type { Context } from "../context";
import type { Db } from "../db";
import { newObjectId } from "../ids";
import { createOwnedObject, recordEvent } from "../events/record";
import type { CreateCustomerInput, Customer, CustomerListQuery, UpdateCustomerInput } from "../contract/customers";
import { ownedFields, ownedObjects, type ObjectScope } from "../objects";

type Row = Awaited<ReturnType<Db["customer"]["findUniqueOrThrow"]>>;

export function serializeCustomer(row: Row): Customer {
  return {
    ...ownedFields("customer", row),
    email: row.email,
    name: row.name,
    description: row.description,
  };
}

const customers = ownedObjects({
  name: "customer",
  url: "/api/v1/customers",
  model: (db) => db.customer,
  serialize: serializeCustomer,
});

export async function createCustomer(
  ctx: Context,
  { owner, keyId, customer }: { owner: ObjectScope; keyId: string; customer: CreateCustomerInput },
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

export function listCustomers({ db }: Context, { owner, query }: { owner: ObjectScope; query: CustomerListQuery }) {
  return customers.list(db, owner, query, query.email ? { email: query.email } : {});
}

export function retrieveCustomer({ db }: Context, { owner, id }: { owner: ObjectScope; id: string }) {
  return customers.retrieve(db, owner, id);
}

export async function updateCustomer(
  { db }: Context,
  { owner, id, changes }: { owner: ObjectScope; id: string; changes: UpdateCustomerInput },
) {
  return db.$transaction(async (tx) => {
    await customers.find(tx, owner, id);
    const customer = serializeCustomer(await tx.customer.update({ where: { id }, data: changes }));
    await recordEvent(tx, { owner, type: "customer.updated", object: customer });
    return customer;
  });
}
