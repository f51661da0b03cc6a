import { z } from "zod";
import "./messages";

export const ROLES = ["owner", "admin", "developer", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** What a signed-in member may do beyond reading, which every member may. */
export type Permission = "settings.manage" | "members.manage";

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ["settings.manage", "members.manage"],
  admin: ["settings.manage"],
  developer: [],
  viewer: [],
};

export function hasPermission(role: string, permission: Permission): boolean {
  return (GRANTS[role as Role] ?? []).includes(permission);
}

export function permissionsOf(role: string): readonly Permission[] {
  return GRANTS[role as Role] ?? [];
}
