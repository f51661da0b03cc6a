import { json } from "@/lib/api";
import { findApplication, keySummary, serializeApplication } from "@/lib/applications";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withSession<{ id: string }>({}, async ({ merchant, params }) => {
  const application = await findApplication(db, merchant.id, params.id);
  const keys = await db.apiKey.findMany({ where: { applicationId: application.id }, orderBy: { createdAt: "desc" } });
  return json({ ...serializeApplication(application), apiKeys: keys.map(keySummary) });
});
