import { apiKeys } from "@/lib/contract";
import { createApplicationKey, createdKeyResponse } from "@/lib/keys/lifecycle";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// "Create key": the response is the only place the full key ever appears.
export const POST = route(apiKeys.create, async ({ ctx, merchant, user, params, body, audit }) => {
  const created = await createApplicationKey(ctx, {
    merchant,
    applicationId: params.id,
    key: body,
    createdById: user.id,
  });
  await audit(
    "api_key.created",
    { type: "api_key", id: created.key.id },
    { mode: created.key.mode, applicationId: params.id },
  );
  return createdKeyResponse(created);
});
