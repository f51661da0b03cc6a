// Readiness: the database, its migrations and Redis (when set), each with a short timeout. Outside the contract, as
// /api/health is (app/routes.test.ts says why).
import { readinessProbe } from "@/lib/monitoring";

export const dynamic = "force-dynamic";

export const GET = readinessProbe;
