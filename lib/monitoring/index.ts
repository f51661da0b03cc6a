export { checkReadiness, readinessProbe, CHECK_TIMEOUT_MS, type Checks, type Readiness } from "./readiness";
export { metricsEndpoint } from "./metrics-endpoint";
