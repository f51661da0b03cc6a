import type { Context } from "../context";
import type { Db } from "../db";
import {
  paymentLinkCollection,
  type CreatePaymentLinkInput,
  type PaymentLink,
  type PaymentLinkListQuery,
  type UpdatePaymentLinkInput,
} from "../contract/payment-links";
import { createOwnedObject, recordEvent } from "../events/record";
import { newObjectId } from "../ids";
import { createdWhere, ownedFields, ownedObjects, scopeOfObject, type ObjectScope } from "../objects";

type Row = Awaited<ReturnType<Db["paymentLink"]["findUniqueOrThrow"]>>;

export function serializePaymentLink(row: Row): PaymentLink {
  const { active, amount, currency, description } = row;
  return { ...ownedFields("payment_link", row), active, amount, currency, description };
}

/** The dashboard's filters; the API's list gives none of them. */
function paymentLinkWhere(query: PaymentLinkListQuery) {
  return {
    ...(query.status ? { active: query.status === "active" } : {}),
    ...(query.currency ? { currency: query.currency } : {}),
    ...createdWhere(query),
    ...(query.q ? { OR: [{ id: query.q }, { description: { contains: query.q } }] } : {}),
  };
}

const paymentLinks = ownedObjects({
  collection: paymentLinkCollection,
  model: (db) => db.paymentLink,
  serialize: serializePaymentLink,
  filter: paymentLinkWhere,
});
export const { list: listPaymentLinks, retrieve: retrievePaymentLink } = paymentLinks;

/** The scope of one of a merchant's payment links, whichever its mode (the dashboard addresses it by id). */
export const paymentLinkScope = ({ db }: Context, input: { ownerId: string; id: string }) =>
  scopeOfObject(db.paymentLink, paymentLinkCollection, input);

export async function createPaymentLink(
  ctx: Context,
  { owner, keyId, link }: { owner: ObjectScope; keyId: string | null; link: CreatePaymentLinkInput },
) {
  const data = { id: newObjectId("plink"), ...owner, createdByKeyId: keyId, ...link, metadata: link.metadata ?? {} };
  return createOwnedObject(ctx, {
    owner,
    create: (tx) => tx.paymentLink.create({ data }),
    serialize: serializePaymentLink,
  });
}

/** Updates an owned link and records `payment_link.updated` in the same transaction. */
async function changePaymentLink(
  { db, requestId }: Context,
  owner: ObjectScope,
  id: string,
  data: UpdatePaymentLinkInput & { active?: boolean },
) {
  return db.$transaction(async (tx) => {
    await paymentLinks.find(tx, owner, id);
    const link = serializePaymentLink(await tx.paymentLink.update({ where: { id }, data }));
    await recordEvent(tx, { owner, type: "payment_link.updated", object: link, requestId });
    return link;
  });
}

export function updatePaymentLink(
  ctx: Context,
  { owner, id, changes }: { owner: ObjectScope; id: string; changes: UpdatePaymentLinkInput },
) {
  return changePaymentLink(ctx, owner, id, changes);
}

/** Archiving is an update (`active: false`): it records `payment_link.updated`. */
export function archivePaymentLink(ctx: Context, { owner, id }: { owner: ObjectScope; id: string }) {
  return changePaymentLink(ctx, owner, id, { active: false });
}
