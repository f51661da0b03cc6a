import { deleteApplication, retrieveApplication, updateApplication } from "@/lib/applications";
import { applications } from "@/lib/contract";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(applications.retrieve, ({ ctx, merchant, params }) =>
  retrieveApplication(ctx, { merchantId: merchant.id, id: params.id }),
);

export const PATCH = route(applications.update, async ({ ctx, merchant, params, body, audit }) => {
  const application = await updateApplication(ctx, { merchantId: merchant.id, id: params.id, changes: body });
  await audit(
    "application.updated",
    { type: "application", id: application.id },
    { fields: Object.keys(body).join(",") },
  );
  return application;
});

// Its keys are revoked in the same transaction, and every process drops them from its cache.
export const DELETE = route(applications.delete, async ({ ctx, merchant, params, audit }) => {
  const deleted = await deleteApplication(ctx, { merchantId: merchant.id, id: params.id });
  await audit("application.deleted", { type: "application", id: deleted.id }, { revokedKeys: deleted.revokedKeys });
  return deleted;
});
