import type { Context } from "../context";
import type { KeyMode } from "../contract/api-keys";
import { merchantCheckoutSessions } from "../contract/checkout-sessions";
import { merchantCustomers, type CreateCustomerInput } from "../contract/customers";
import { merchantPaymentLinks, type CreatePaymentLinkInput } from "../contract/payment-links";
import type { ObjectScope } from "../objects";
import {
  checkoutSessionScope,
  completeTestCheckoutSession,
  expireCheckoutSession,
  listCheckoutSessions,
  retrieveCheckoutSession,
} from "./checkout-sessions";
import { createCustomer, customerScope, listCustomers, retrieveCustomer } from "./customers";
import {
  archivePaymentLink,
  createPaymentLink,
  listPaymentLinks,
  paymentLinkScope,
  retrievePaymentLink,
} from "./payment-links";

// The dashboard's operations on a merchant's payment objects: the API-key operations, scoped to the merchant and
// to the mode a list or create names, or to the mode of the object an id addresses.

const scopeIn = (merchantId: string, mode: KeyMode | undefined): ObjectScope => ({
  ownerId: merchantId,
  livemode: mode === "live",
});

type Scoped<Input, Result> = (ctx: Context, input: { owner: ObjectScope } & Input) => Promise<Result>;

/** A list of one mode of the merchant's objects, answering the dashboard operation's path as its `url`. */
function merchantList<Query extends { mode?: KeyMode }, Result extends { url: string }>(
  path: string,
  list: Scoped<{ query: Query }, Result>,
) {
  return async (ctx: Context, { merchantId, query }: { merchantId: string; query: Query }): Promise<Result> => ({
    ...(await list(ctx, { owner: scopeIn(merchantId, query.mode), query })),
    url: path,
  });
}

/** An operation on one of the merchant's objects by id: its mode is looked up first (404 for another's). */
function merchantObject<Result>(
  scopeOf: (ctx: Context, input: { ownerId: string; id: string }) => Promise<ObjectScope>,
  call: Scoped<{ id: string }, Result>,
) {
  return async (ctx: Context, { merchantId, id }: { merchantId: string; id: string }): Promise<Result> =>
    call(ctx, { owner: await scopeOf(ctx, { ownerId: merchantId, id }), id });
}

export const listMerchantPaymentLinks = merchantList(merchantPaymentLinks.list.path, listPaymentLinks);
export const retrieveMerchantPaymentLink = merchantObject(paymentLinkScope, retrievePaymentLink);
export const archiveMerchantPaymentLink = merchantObject(paymentLinkScope, archivePaymentLink);

/** A payment link made in the dashboard: no key made it (the audit event says who did). */
export function createMerchantPaymentLink(
  ctx: Context,
  { merchantId, link: { mode, ...link } }: { merchantId: string; link: CreatePaymentLinkInput & { mode: KeyMode } },
) {
  return createPaymentLink(ctx, { owner: scopeIn(merchantId, mode), keyId: null, link });
}

export const listMerchantCustomers = merchantList(merchantCustomers.list.path, listCustomers);
export const retrieveMerchantCustomer = merchantObject(customerScope, retrieveCustomer);

export function createMerchantCustomer(
  ctx: Context,
  {
    merchantId,
    customer: { mode, ...customer },
  }: { merchantId: string; customer: CreateCustomerInput & { mode: KeyMode } },
) {
  return createCustomer(ctx, { owner: scopeIn(merchantId, mode), keyId: null, customer });
}

export const listMerchantCheckoutSessions = merchantList(merchantCheckoutSessions.list.path, listCheckoutSessions);
export const retrieveMerchantCheckoutSession = merchantObject(checkoutSessionScope, retrieveCheckoutSession);
export const expireMerchantCheckoutSession = merchantObject(checkoutSessionScope, expireCheckoutSession);
export const completeMerchantCheckoutSession = merchantObject(checkoutSessionScope, completeTestCheckoutSession);
