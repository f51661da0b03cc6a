// The typed client for /api/v1. Runtime dependencies: fetch and WebCrypto, nothing else (no server code).
export { Client, type ClientOptions } from "./client";
export { MerchantConsoleError, type MerchantConsoleErrorFields } from "./errors";
export { verifyWebhookSignature } from "./webhooks";
export type { RequestOptions, Fetch } from "./http";
export type * from "./types";
