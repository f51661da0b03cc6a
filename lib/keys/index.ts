export { verifyApiKey, loadKey, type VerifyResult, type VerifyFailureCode } from "./verify";
export { readCredentials } from "./credentials";
export { generateSecret, classifySecret, displayPrefix, type KeyMode } from "./format";
export { hashSecret } from "./hash";
export { authRuntime, appContext } from "./runtime";
