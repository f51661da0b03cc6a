import { json, parseInput } from "@/lib/api";
import { createManagementToken, listManagementTokens } from "@/lib/auth/management-tokens";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";
import { createManagementTokenSchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

// Only a signed-in session may mint or list management tokens: a token cannot extend itself.
export const GET = withSession({ permission: "settings.manage", sessionOnly: true }, async ({ merchant }) =>
  json({ items: await listManagementTokens(db, merchant.id) }),
);

export const POST = withSession(
  { permission: "settings.manage", sessionOnly: true },
  async ({ merchant, user, body, audit }) => {
    const created = await createManagementToken(
      db,
      merchant.id,
      user.id,
      parseInput(createManagementTokenSchema, body),
    );
    await audit(
      "management_token.created",
      { type: "management_token", id: created.id },
      { expiresAt: created.expiresAt },
    );
    return json(created, 201);
  },
);
