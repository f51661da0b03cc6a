import { config } from "../config";
import type { Context } from "../context";
import type { Db } from "../db";
import { ApiError, invalidRequest } from "../http/errors";
import { newObjectId } from "../ids";
import { createOwnedObject, recordEvent, type DbTx } from "../events/record";
import {
  checkoutSessionCollection,
  type CheckoutSession,
  type CheckoutSessionListQuery,
  type CreateCheckoutSessionInput,
} from "../contract/checkout-sessions";
import { createdWhere, ownedFields, ownedObjects, scopeOfObject, unixSeconds, type ObjectScope } from "../objects";

type Row = Awaited<ReturnType<Db["checkoutSession"]["findUniqueOrThrow"]>>;

export const CHECKOUT_SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** An open session past its `expires_at` is expired, whether or not the worker's sweep has written that yet. */
export function checkoutSessionStatus(
  row: Pick<Row, "status" | "expiresAt">,
  now = new Date(),
): CheckoutSession["status"] {
  if (row.status === "open" && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return row.status as CheckoutSession["status"];
}

export function checkoutSessionUrl(id: string): string {
  return `${config.APP_URL.replace(/\/+$/, "")}/pay/${id}`;
}

export function serializeCheckoutSession(row: Row, now = new Date()): CheckoutSession {
  return {
    ...ownedFields("checkout.session", row),
    status: checkoutSessionStatus(row, now),
    payment_status: row.paymentStatus === "paid" ? "paid" : "unpaid",
    amount: row.amount,
    currency: row.currency,
    payment_link: row.paymentLinkId,
    customer: row.customerId,
    success_url: row.successUrl,
    cancel_url: row.cancelUrl,
    url: checkoutSessionUrl(row.id),
    expires_at: unixSeconds(row.expiresAt),
    completed_at: row.completedAt ? unixSeconds(row.completedAt) : null,
  };
}

/** Status filters follow `checkoutSessionStatus`: an open session past its expiry lists as expired. */
function statusWhere(status: CheckoutSession["status"] | undefined, now: Date) {
  if (status === "open") return { status: "open", expiresAt: { gt: now } };
  if (status === "expired") return { OR: [{ status: "expired" }, { status: "open", expiresAt: { lte: now } }] };
  if (status === "complete") return { status: "complete" };
  return {};
}

/** The API's status and customer filters, and the dashboard's currency, created range and search. */
function checkoutSessionWhere(query: CheckoutSessionListQuery, now: Date) {
  const search = query.q ? { OR: [{ id: query.q }, { customerId: query.q }, { paymentLinkId: query.q }] } : {};
  return {
    AND: [
      statusWhere(query.status, now),
      query.customer ? { customerId: query.customer } : {},
      query.currency ? { currency: query.currency } : {},
      createdWhere(query),
      search,
    ],
  };
}

/**
 * A list or retrieve reads every session's status at the same instant, so an open session past its expiry is
 * expired in the answer as in the list's status filter.
 */
const checkoutSessions = ownedObjects({
  collection: checkoutSessionCollection,
  model: (db) => db.checkoutSession,
  serialize: serializeCheckoutSession,
  filter: checkoutSessionWhere,
});
export const { list: listCheckoutSessions, retrieve: retrieveCheckoutSession } = checkoutSessions;

/** The scope of one of a merchant's checkout sessions, whichever its mode (the dashboard addresses it by id). */
export const checkoutSessionScope = ({ db }: Context, input: { ownerId: string; id: string }) =>
  scopeOfObject(db.checkoutSession, checkoutSessionCollection, input);

/** The price of a session: its own amount and currency, or those of a payment link of the same owner and mode. */
async function priceOf(tx: DbTx, owner: ObjectScope, input: CreateCheckoutSessionInput) {
  if (input.payment_link === undefined) {
    if (input.amount === undefined || input.currency === undefined)
      throw invalidRequest("parameter_missing", "Give amount and currency, or payment_link.", "amount");
    return { amount: input.amount, currency: input.currency, paymentLinkId: null };
  }
  const link = await tx.paymentLink.findFirst({ where: { id: input.payment_link, ...owner } });
  if (!link) throw invalidRequest("resource_missing", `No such payment link: '${input.payment_link}'.`, "payment_link");
  if (!link.active)
    throw invalidRequest("payment_link_inactive", `The payment link '${link.id}' is archived.`, "payment_link");
  if (input.currency !== undefined && input.currency !== link.currency) {
    throw invalidRequest(
      "parameter_invalid",
      `Invalid currency: the payment link is priced in ${link.currency}.`,
      "currency",
    );
  }
  return { amount: link.amount, currency: link.currency, paymentLinkId: link.id };
}

export async function createCheckoutSession(
  ctx: Context,
  { owner, keyId, session: input }: { owner: ObjectScope; keyId: string | null; session: CreateCheckoutSessionInput },
): Promise<CheckoutSession> {
  const now = ctx.now();
  return createOwnedObject(ctx, {
    owner,
    now,
    create: async (tx) => {
      const price = await priceOf(tx, owner, input);
      if (
        input.customer !== undefined &&
        !(await tx.customer.findFirst({ where: { id: input.customer, ...owner }, select: { id: true } }))
      ) {
        throw invalidRequest("resource_missing", `No such customer: '${input.customer}'.`, "customer");
      }
      return tx.checkoutSession.create({
        data: {
          id: newObjectId("cs", now.getTime()),
          ...owner,
          ...price,
          customerId: input.customer ?? null,
          successUrl: input.success_url,
          cancelUrl: input.cancel_url ?? null,
          metadata: input.metadata ?? {},
          expiresAt: new Date(now.getTime() + CHECKOUT_SESSION_LIFETIME_MS),
          createdByKeyId: keyId,
          createdAt: now,
        },
      });
    },
    serialize: (row) => serializeCheckoutSession(row, now),
  });
}

const notOpen = (id: string, status: string) =>
  invalidRequest(
    "checkout_session_not_open",
    `The checkout session '${id}' is ${status}; only an open session can change status.`,
  );

/**
 * Moves an open session to `complete` or `expired` and records the event, in one transaction. The update is
 * conditional on `status = "open"`, so of two concurrent transitions exactly one wins.
 */
async function transition(
  ctx: Context,
  owner: ObjectScope,
  id: string,
  to: "complete" | "expired",
): Promise<CheckoutSession> {
  const now = ctx.now();
  return ctx.db.$transaction(async (tx) => {
    const row = await checkoutSessions.find(tx, owner, id);
    const current = checkoutSessionStatus(row, now);
    // Expiring a session whose time ran out (and that the sweep has not reached yet) is the same transition.
    const allowed = row.status === "open" && (current === "open" || to === "expired");
    if (!allowed) throw notOpen(id, current);
    const data =
      to === "complete" ? { status: to, paymentStatus: "paid", completedAt: now } : { status: to, expiredAt: now };
    const { count } = await tx.checkoutSession.updateMany({ where: { id, status: "open" }, data });
    if (count !== 1) throw notOpen(id, checkoutSessionStatus(await checkoutSessions.find(tx, owner, id), now));
    const session = serializeCheckoutSession(await checkoutSessions.find(tx, owner, id), now);
    const type = to === "complete" ? "checkout.session.completed" : "checkout.session.expired";
    await recordEvent(tx, { owner, type, object: session, now, requestId: ctx.requestId });
    return session;
  });
}

export async function expireCheckoutSession(ctx: Context, { owner, id }: { owner: ObjectScope; id: string }) {
  return transition(ctx, owner, id, "expired");
}

/** The dashboard's "Complete" (test mode only): a live session completes when its buyer pays, never by hand. */
export async function completeTestCheckoutSession(ctx: Context, { owner, id }: { owner: ObjectScope; id: string }) {
  if (owner.livemode)
    throw invalidRequest(
      "livemode_session",
      `The checkout session '${id}' is a live session: only test sessions can be completed by hand.`,
    );
  return transition(ctx, owner, id, "complete");
}

/** Test mode only: a live key gets 404, as if the route did not exist. */
export async function completeCheckoutSessionForTest(ctx: Context, { owner, id }: { owner: ObjectScope; id: string }) {
  if (owner.livemode)
    throw new ApiError(404, "not_found", "resource_missing", "Test helpers exist only in test mode: use a test key.");
  return transition(ctx, owner, id, "complete");
}

/** The worker's sweep: writes `expired` (and records `checkout.session.expired`) for open sessions past their expiry. */
export async function expireDueCheckoutSessions(db: Db, now = new Date(), limit = 100): Promise<number> {
  const due = await db.checkoutSession.findMany({
    where: { status: "open", expiresAt: { lte: now } },
    select: { id: true, ownerId: true, livemode: true },
    orderBy: { expiresAt: "asc" },
    take: limit,
  });
  let expired = 0;
  for (const { id, ownerId, livemode } of due) {
    expired += await db.$transaction(async (tx) => {
      const { count } = await tx.checkoutSession.updateMany({
        where: { id, status: "open" },
        data: { status: "expired", expiredAt: now },
      });
      if (count === 1)
        await recordEvent(tx, {
          owner: { ownerId, livemode },
          type: "checkout.session.expired",
          object: serializeCheckoutSession(await tx.checkoutSession.findUniqueOrThrow({ where: { id } }), now),
          now,
        });
      return count;
    });
  }
  return expired;
}
