import { json, parseInput } from "@/lib/api";
import { setApplicationEnabled } from "@/lib/applications";
import { authRuntime } from "@/lib/auth";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";
import { applicationStatusSchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const PATCH = withSession<{ id: string }>(
  { permission: "settings.manage" },
  async ({ merchant, params, body, audit }) => {
    const { isEnabled } = parseInput(applicationStatusSchema, body);
    const application = await setApplicationEnabled(db, authRuntime.bus, merchant.id, params.id, isEnabled);
    await audit(isEnabled ? "application.enabled" : "application.disabled", {
      type: "application",
      id: application.id,
    });
    return json(application);
  },
);
