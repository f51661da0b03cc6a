import { randomBytes } from "node:crypto";
import { applicationNameKey } from "@/lib/applications";
import { newObjectId } from "@/lib/ids";
import { appContext } from "@/lib/keys";
import { SCOPES, type Scope } from "@/lib/contract/scopes";
import type { CreateApiKeyInput } from "@/lib/contract/api-keys";
import { createApiKey } from "@/lib/keys/lifecycle";
import { db } from "@/lib/db";

export async function createMerchant(name = `Merchant ${randomBytes(3).toString("hex")}`) {
  return db.merchant.create({ data: { id: newObjectId("mer"), name } });
}

export async function createApplication(
  merchantId: string,
  options: { allowedOrigins?: string[]; isEnabled?: boolean } = {},
) {
  const name = `App ${randomBytes(3).toString("hex")}`;
  return db.application.create({
    data: {
      id: newObjectId("app"),
      merchantId,
      name,
      nameKey: applicationNameKey(name),
      allowedOrigins: options.allowedOrigins ?? [],
      isEnabled: options.isEnabled ?? true,
    },
  });
}

/** A merchant, an application and a key with every scope unless told otherwise; returns the secret too. */
export async function createKey(
  input: Partial<CreateApiKeyInput> & { merchantId?: string; applicationId?: string; allowedOrigins?: string[] } = {},
) {
  const { merchantId: givenMerchant, applicationId: givenApp, allowedOrigins, ...keyInput } = input;
  const merchantId = givenMerchant ?? (await createMerchant()).id;
  const applicationId = givenApp ?? (await createApplication(merchantId, { allowedOrigins })).id;
  const { key, secret } = await createApiKey(appContext, {
    owner: { merchantId, applicationId },
    key: {
      name: "test key",
      scopes: [...SCOPES] as Scope[],
      ...keyInput,
    },
  });
  return { key, secret, merchantId, applicationId };
}

export function bearer(secret: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${secret}`, ...extra };
}

/**
 * A signed-in dashboard user with a real database session. Without `merchantId` the user is onboarded like a
 * first GitHub sign-in (a merchant of their own, as owner); with it, they join that merchant with `role`.
 */
export async function signIn(
  options: { merchantId?: string; role?: "owner" | "admin" | "developer" | "viewer"; githubLogin?: string } = {},
) {
  const { onboardUser } = await import("@/lib/accounts/merchants");
  const { createSession } = await import("@/lib/accounts/session");
  const tag = randomBytes(4).toString("hex");
  const user = await db.user.create({
    data: { name: `User ${tag}`, email: `user-${tag}@example.com`, githubLogin: options.githubLogin ?? `user-${tag}` },
  });
  if (options.merchantId) {
    await db.membership.create({
      data: { userId: user.id, merchantId: options.merchantId, role: options.role ?? "developer" },
    });
  } else {
    await onboardUser(db, user);
  }
  const membership = await db.membership.findFirstOrThrow({
    where: { userId: user.id },
    orderBy: { createdAt: "asc" },
  });
  const { token } = await createSession(db, user.id);
  return { user, merchantId: membership.merchantId, cookie: `authjs.session-token=${token}` };
}
