export { authSecret } from "./auth-secret";
export { open, seal } from "./sealed";
