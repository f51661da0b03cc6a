export {
  addressRange,
  isAllowedAddress,
  checkWebhookUrl,
  privateAddressesAllowed,
  type Resolver,
  type UrlCheck,
} from "./address";
export { signWebhookPayload, signingSecrets } from "./signature";
export { sendWebhook, WEBHOOK_TIMEOUT_MS, type SendResult, type SendOptions } from "./send";
export {
  createWebhookEndpoint,
  listWebhookEndpoints,
  retrieveWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  sendTestWebhook,
  serializeWebhookEndpoint,
  serializeWebhookDelivery,
} from "./endpoints";
export {
  deliverDueWebhooks,
  retryDelayMs,
  webhookQueueDepth,
  MAX_DELIVERY_ATTEMPTS,
  DELIVERY_LOCK_MS,
} from "./deliver";
export { startDeliveryWorker } from "./worker";
export { listMerchantEvents, retrieveMerchantEvent } from "./merchant-events";
export { resendWebhookDelivery, retryFailedWebhookDeliveries, rotateWebhookSecret } from "./recovery";
export {
  createMerchantWebhookEndpoint,
  deleteMerchantWebhookEndpoint,
  listMerchantWebhookDeliveries,
  listMerchantWebhookEndpoints,
  resendMerchantWebhookDelivery,
  retrieveMerchantWebhookEndpoint,
  retryFailedMerchantWebhookDeliveries,
  rotateMerchantWebhookSecret,
  sendMerchantTestWebhook,
  updateMerchantWebhookEndpoint,
} from "./merchant-webhooks";
