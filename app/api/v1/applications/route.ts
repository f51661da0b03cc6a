import { createApplication, listApplications } from "@/lib/applications";
import { applications } from "@/lib/contract";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(applications.list, ({ ctx, merchant, query }) =>
  listApplications(ctx, { merchantId: merchant.id, query }),
);

export const POST = route(applications.create, async ({ ctx, merchant, body, audit }) => {
  const application = await createApplication(ctx, { merchantId: merchant.id, application: body });
  await audit("application.created", { type: "application", id: application.id }, { name: application.name });
  return application;
});
