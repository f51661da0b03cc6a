import { cookies, headers } from "next/headers";
import { db } from "../db";
import { listMerchantsOf } from "./merchants";
import { appContext } from "../keys/runtime";
import { hasPermission, type Role } from "../contract/roles";
import { appOrigin } from "./csrf";
import { MERCHANT_COOKIE, userFromSessionCookie } from "./session";

/**
 * The signed-in user of a dashboard page (server components), with their merchants and the current one, resolved
 * exactly as the session authenticator resolves them for the API. Null when signed out.
 */
export async function getDashboardSession() {
  const user = await userFromSessionCookie(db, await headers());
  if (!user) return null;
  const { items: merchants } = await listMerchantsOf(appContext, { userId: user.id });
  const chosen = (await cookies()).get(MERCHANT_COOKIE)?.value;
  const current = merchants.find((m) => m.id === chosen) ?? merchants[0];
  if (!current) return null;
  const role = current.role as Role;
  return {
    user,
    merchants,
    merchant: current,
    role,
    canManage: hasPermission(role, "settings.manage"),
    canManageMembers: hasPermission(role, "members.manage"),
  };
}
export type DashboardSession = NonNullable<Awaited<ReturnType<typeof getDashboardSession>>>;

/** The app's public origin as the page's request names it (AUTH_URL when set), for the commands a page shows. */
export async function pageOrigin(): Promise<string> {
  const request = new Request("http://localhost/", { headers: new Headers(await headers()) });
  return appOrigin(request) ?? "http://localhost:3000";
}
