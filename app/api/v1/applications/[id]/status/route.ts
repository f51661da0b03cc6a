import { setApplicationEnabled } from "@/lib/applications";
import { applications } from "@/lib/contract";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// Disabling blocks every key of the application at once, in every process.
export const PATCH = route(applications.setStatus, async ({ ctx, merchant, params, body, audit }) => {
  const { isEnabled } = body;
  const application = await setApplicationEnabled(ctx, { merchantId: merchant.id, id: params.id, isEnabled });
  await audit(isEnabled ? "application.enabled" : "application.disabled", { type: "application", id: application.id });
  return application;
});
