// The typed client, derived at runtime from the contract (zod schemas and operations only: no server code).
export { Client, ManagementClient, bindResources, type ClientOptions, type Call, type Resources } from "./client";
export { MerchantConsoleError, type MerchantConsoleErrorFields } from "./errors";
export { verifyWebhookSignature } from "./webhooks";
export type { RequestOptions, Fetch, TransportOptions } from "./http";
export type * from "./types";
