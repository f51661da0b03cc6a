import { apiKeys } from "@/lib/contract";
import { linkApiKey } from "@/lib/keys/unclaimed";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// "Link existing key": rate limited per user, because every attempt is a guess at someone's secret.
export const POST = route(apiKeys.link, async ({ ctx, user, merchant, body, audit }) => {
  const key = await linkApiKey(ctx, { merchant, userId: user.id, link: body });
  await audit("api_key.linked", { type: "api_key", id: key.id }, { applicationId: key.applicationId });
  return key;
});
