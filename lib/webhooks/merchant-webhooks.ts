import type { Context } from "../context";
import {
  merchantWebhookEndpoints,
  type CreateMerchantWebhookEndpointInput,
  type MerchantWebhookEndpointListQuery,
} from "../contract/merchant-webhooks";
import { webhookEndpointCollection, type WebhookDeliveryListQuery } from "../contract/webhooks";
import { scopeOfObject, type ObjectScope } from "../objects";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retrieveWebhookEndpoint,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "./endpoints";
import { resendWebhookDelivery, retryFailedWebhookDeliveries, rotateWebhookSecret } from "./recovery";

// The dashboard's Webhooks pages: the API-key operations on the merchant's endpoints. A list or create names its
// mode (the Test / Live toggle); an endpoint addressed by id is found in either mode (404 for another merchant's).

const endpointScope = ({ db }: Context, { merchantId, id }: { merchantId: string; id: string }): Promise<ObjectScope> =>
  scopeOfObject(db.webhookEndpoint, webhookEndpointCollection, { ownerId: merchantId, id });

/** Calls an API-key operation on one endpoint of the merchant, in the endpoint's own mode. */
function onEndpoint<Input extends { owner: ObjectScope; id: string }, Result>(
  call: (ctx: Context, input: Input) => Promise<Result>,
) {
  return async (ctx: Context, input: Omit<Input, "owner"> & { merchantId: string }): Promise<Result> => {
    const owner = await endpointScope(ctx, input);
    // Input less its owner, plus an owner: Input itself, which TypeScript cannot see through Omit.
    return call(ctx, { ...input, owner } as unknown as Input);
  };
}

export async function listMerchantWebhookEndpoints(
  ctx: Context,
  { merchantId, query: { mode, ...query } }: { merchantId: string; query: MerchantWebhookEndpointListQuery },
) {
  const list = await listWebhookEndpoints(ctx, { owner: { ownerId: merchantId, livemode: mode === "live" }, query });
  return { ...list, url: merchantWebhookEndpoints.list.path };
}

export function createMerchantWebhookEndpoint(
  ctx: Context,
  { merchantId, endpoint: { mode, ...endpoint } }: { merchantId: string; endpoint: CreateMerchantWebhookEndpointInput },
) {
  return createWebhookEndpoint(ctx, { owner: { ownerId: merchantId, livemode: mode === "live" }, endpoint });
}

export const retrieveMerchantWebhookEndpoint = onEndpoint(retrieveWebhookEndpoint);
export const updateMerchantWebhookEndpoint = onEndpoint(updateWebhookEndpoint);
export const deleteMerchantWebhookEndpoint = onEndpoint(deleteWebhookEndpoint);
export const sendMerchantTestWebhook = onEndpoint(sendTestWebhook);
export const rotateMerchantWebhookSecret = onEndpoint(rotateWebhookSecret);
export const retryFailedMerchantWebhookDeliveries = onEndpoint(retryFailedWebhookDeliveries);
export const resendMerchantWebhookDelivery = onEndpoint(resendWebhookDelivery);

export const listMerchantWebhookDeliveries = onEndpoint(
  (ctx: Context, { owner, id, query }: { owner: ObjectScope; id: string; query: WebhookDeliveryListQuery }) =>
    listWebhookDeliveries(ctx, {
      owner,
      endpointId: id,
      query,
      url: `/api/v1/merchant/webhook-endpoints/${id}/deliveries`,
    }),
);
