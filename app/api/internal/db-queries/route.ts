import { config } from "@/lib/config";
import { dbHandle } from "@/lib/db";

export const dynamic = "force-dynamic";

// Bench-only diagnostics: how many SQL queries this process has run. Absent (404) unless BENCH_METRICS=1.
export function GET() {
  if (!config.BENCH_METRICS) return new Response(null, { status: 404 });
  return Response.json({ queries: dbHandle.queryCount(), keyLookups: dbHandle.keyLookupCount() });
}
