// Prometheus's scrape, behind METRICS_TOKEN. Outside the contract (app/routes.test.ts says why).
import { metricsEndpoint } from "@/lib/monitoring";

export const dynamic = "force-dynamic";

export const GET = metricsEndpoint;
