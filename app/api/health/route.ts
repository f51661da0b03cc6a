// Liveness: no database, no authentication. The bench's baseline for what Next.js alone costs.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
