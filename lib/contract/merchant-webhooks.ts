import { z } from "zod";
import { listOf, listQuerySchema } from "./common";
import { merchantCollection, modeQuery } from "./merchant-objects";
import { member, tagged, management } from "./operation";
import {
  createdWebhookEndpointSchema,
  createWebhookEndpointSchema,
  deletedWebhookEndpointSchema,
  updateWebhookEndpointSchema,
  webhookDeliveryListQuerySchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookRecoverySpecs,
  webhookTestResultSchema,
} from "./webhooks";

export const merchantWebhookEndpointListQuerySchema = listQuerySchema.extend(modeQuery);
export type MerchantWebhookEndpointListQuery = z.infer<typeof merchantWebhookEndpointListQuerySchema>;

export const createMerchantWebhookEndpointSchema = createWebhookEndpointSchema.extend(modeQuery);
export type CreateMerchantWebhookEndpointInput = z.infer<typeof createMerchantWebhookEndpointSchema>;

const merchantEndpoints = merchantCollection("/api/v1/merchant/webhook-endpoints", webhookEndpointSchema);

/** The dashboard's Webhooks pages: the API-key operations on the merchant's endpoints, either mode by id. */
export const merchantWebhookEndpoints = {
  list: merchantEndpoints.list({
    summary: "The current merchant's webhook endpoints of one mode, newest first",
    query: merchantWebhookEndpointListQuerySchema,
    response: listOf(webhookEndpointSchema),
  }),
  create: merchantEndpoints.create({
    summary: "Create a webhook endpoint from the dashboard (in the mode given, test by default)",
    description: "The response carries the signing secret `whsec_…`, which is never shown again.",
    body: createMerchantWebhookEndpointSchema,
    response: createdWebhookEndpointSchema,
  }),
  retrieve: merchantEndpoints.retrieve({ summary: "One of the current merchant's webhook endpoints" }),
  update: merchantEndpoints.update({
    summary: "Update url, enabled_events, description, or disable",
    body: updateWebhookEndpointSchema,
  }),
  delete: merchantEndpoints.remove({
    summary: "Delete a webhook endpoint and its pending deliveries",
    response: deletedWebhookEndpointSchema,
  }),
  test: merchantEndpoints.action("test", {
    summary: "Send a signed webhook_endpoint.test event now and report the answer",
    response: webhookTestResultSchema,
  }),
  deliveries: merchantEndpoints.children("deliveries", {
    summary: "An endpoint's deliveries, newest first (filter by status)",
    query: webhookDeliveryListQuerySchema,
    response: listOf(webhookDeliverySchema),
  }),
  rotateSecret: merchantEndpoints.action("rotate-secret", webhookRecoverySpecs.rotateSecret),
  retryFailed: merchantEndpoints.action("retry-failed", webhookRecoverySpecs.retryFailed),
  resend: tagged(management.tag, { auth: member("settings.manage") }).post(
    "/api/v1/merchant/webhook-endpoints/{id}/deliveries/{deliveryId}/resend",
    webhookRecoverySpecs.resend,
  ),
};
