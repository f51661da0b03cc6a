export * from "./payment-links";
export * from "./customers";
export * from "./checkout-sessions";
export * from "./merchant";
