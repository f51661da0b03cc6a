import type { z } from "zod";
import type { Db } from "../db";
import { notFound } from "../api/errors";
import { newObjectId } from "../api/ids";
import { recordEvent, type DbTx } from "../events/record";
import type {
  createCustomerSchema,
  Customer,
  customerListQuerySchema,
  updateCustomerSchema,
} from "../validation/customers";
import { metadataOf, pageArgs, toList, unixSeconds, type ObjectScope } from "./scope";

type Row = Awaited<ReturnType<Db["customer"]["findUniqueOrThrow"]>>;

export function serializeCustomer(row: Row): Customer {
  return {
    id: row.id,
    object: "customer",
    livemode: row.livemode,
    email: row.email,
    name: row.name,
    description: row.description,
    metadata: metadataOf(row.metadata),
    created: unixSeconds(row.createdAt),
  };
}

export async function createCustomer(
  db: Db,
  scope: ObjectScope,
  keyId: string,
  input: z.infer<typeof createCustomerSchema>,
) {
  return db.$transaction(async (tx) => {
    const customer = serializeCustomer(
      await tx.customer.create({
        data: { id: newObjectId("cus"), ...scope, createdByKeyId: keyId, ...input, metadata: input.metadata ?? {} },
      }),
    );
    await recordEvent(tx, scope, "customer.created", customer);
    return customer;
  });
}

export async function listCustomers(db: Db, scope: ObjectScope, query: z.infer<typeof customerListQuerySchema>) {
  const args = pageArgs(scope, query);
  const rows = await db.customer.findMany({
    ...args,
    where: { ...args.where, ...(query.email ? { email: query.email } : {}) },
  });
  return toList(rows, query.limit, "/api/v1/customers", serializeCustomer);
}

async function findOwned(db: DbTx, scope: ObjectScope, id: string): Promise<Row> {
  const row = await db.customer.findFirst({ where: { id, ...scope } });
  if (!row) throw notFound("customer", id);
  return row;
}

export async function retrieveCustomer(db: Db, scope: ObjectScope, id: string) {
  return serializeCustomer(await findOwned(db, scope, id));
}

export async function updateCustomer(
  db: Db,
  scope: ObjectScope,
  id: string,
  input: z.infer<typeof updateCustomerSchema>,
) {
  return db.$transaction(async (tx) => {
    await findOwned(tx, scope, id);
    const customer = serializeCustomer(await tx.customer.update({ where: { id }, data: input }));
    await recordEvent(tx, scope, "customer.updated", customer);
    return customer;
  });
}
