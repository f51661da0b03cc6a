import { json, parseInput } from "@/lib/api";
import { createApplicationKey, createdKeyResponse } from "@/lib/applications";
import { authRuntime } from "@/lib/auth";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";
import { createApplicationKeySchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

// "Create key": the response is the only place the full key ever appears.
export const POST = withSession<{ id: string }>(
  { permission: "settings.manage" },
  async ({ merchant, user, params, body, audit }) => {
    const created = await createApplicationKey(
      db,
      authRuntime.bus,
      merchant,
      params.id,
      parseInput(createApplicationKeySchema, body),
      user.id,
    );
    await audit(
      "api_key.created",
      { type: "api_key", id: created.key.id },
      { mode: created.key.mode, applicationId: params.id },
    );
    return json(createdKeyResponse(created), 201);
  },
);
