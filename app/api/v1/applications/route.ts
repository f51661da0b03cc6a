import { json, parseInput } from "@/lib/api";
import { createApplication, listApplications } from "@/lib/applications";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";
import { applicationListQuerySchema, createApplicationSchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = withSession({}, async ({ merchant, query }) =>
  json(await listApplications(db, merchant.id, parseInput(applicationListQuerySchema, Object.fromEntries(query)))),
);

export const POST = withSession({ permission: "settings.manage" }, async ({ merchant, body, audit }) => {
  const application = await createApplication(db, merchant.id, parseInput(createApplicationSchema, body));
  await audit("application.created", { type: "application", id: application.id }, { name: application.name });
  return json(application, 201);
});
