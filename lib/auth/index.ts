export { withApiKey, type ApiKeyContext } from "./with-api-key";
export { verifyApiKey, loadKey, type VerifyResult, type VerifyFailureCode } from "./verify";
export { readCredentials } from "./credentials";
export {
  createApiKey,
  revokeApiKey,
  rollApiKey,
  updateApiKeyScopes,
  serializeApiKey,
  keyStatus,
  type ApiKeyView,
} from "./keys";
export { generateSecret, classifySecret, displayPrefix, type KeyMode } from "./key-format";
export { hashSecret } from "./hash";
export { SCOPES, type Scope } from "./scopes";
export { authRuntime } from "./runtime";
