import type { z } from "zod";
import type { Db } from "../db";
import { notFound } from "../api/errors";
import { newObjectId } from "../api/ids";
import { recordEvent, type DbTx } from "../events/record";
import type { ListQuery } from "../validation/common";
import type { createPaymentLinkSchema, PaymentLink, updatePaymentLinkSchema } from "../validation/payment-links";
import { metadataOf, pageArgs, toList, unixSeconds, type ObjectScope } from "./scope";

type Row = Awaited<ReturnType<Db["paymentLink"]["findUniqueOrThrow"]>>;

export function serializePaymentLink(row: Row): PaymentLink {
  return {
    id: row.id,
    object: "payment_link",
    livemode: row.livemode,
    active: row.active,
    amount: row.amount,
    currency: row.currency,
    description: row.description,
    metadata: metadataOf(row.metadata),
    created: unixSeconds(row.createdAt),
  };
}

export async function createPaymentLink(
  db: Db,
  scope: ObjectScope,
  keyId: string,
  input: z.infer<typeof createPaymentLinkSchema>,
) {
  return db.$transaction(async (tx) => {
    const link = serializePaymentLink(
      await tx.paymentLink.create({
        data: { id: newObjectId("plink"), ...scope, createdByKeyId: keyId, ...input, metadata: input.metadata ?? {} },
      }),
    );
    await recordEvent(tx, scope, "payment_link.created", link);
    return link;
  });
}

export async function listPaymentLinks(db: Db, scope: ObjectScope, query: ListQuery) {
  const rows = await db.paymentLink.findMany(pageArgs(scope, query));
  return toList(rows, query.limit, "/api/v1/payment_links", serializePaymentLink);
}

/** Another owner's or the other mode's link does not exist for this caller: 404, never 403. */
async function findOwned(db: DbTx, scope: ObjectScope, id: string): Promise<Row> {
  const row = await db.paymentLink.findFirst({ where: { id, ...scope } });
  if (!row) throw notFound("payment link", id);
  return row;
}

export async function retrievePaymentLink(db: Db, scope: ObjectScope, id: string) {
  return serializePaymentLink(await findOwned(db, scope, id));
}

/** Updates an owned link and records `payment_link.updated` in the same transaction. */
async function changePaymentLink(
  db: Db,
  scope: ObjectScope,
  id: string,
  data: { description?: string | null; metadata?: Record<string, string>; active?: boolean },
) {
  return db.$transaction(async (tx) => {
    await findOwned(tx, scope, id);
    const link = serializePaymentLink(await tx.paymentLink.update({ where: { id }, data }));
    await recordEvent(tx, scope, "payment_link.updated", link);
    return link;
  });
}

export async function updatePaymentLink(
  db: Db,
  scope: ObjectScope,
  id: string,
  input: z.infer<typeof updatePaymentLinkSchema>,
) {
  return changePaymentLink(db, scope, id, input);
}

/** Archiving is an update (`active: false`): it records `payment_link.updated`. */
export async function archivePaymentLink(db: Db, scope: ObjectScope, id: string) {
  return changePaymentLink(db, scope, id, { active: false });
}
