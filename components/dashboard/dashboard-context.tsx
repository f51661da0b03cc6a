"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/contract/roles";
import type { KeyMode } from "@/lib/contract/api-keys";

/** What the server layout knows about the signed-in member, for client components to decide what to show. */
export interface DashboardContextValue {
  merchantId: string;
  /** The signed-in user: "you" in the members list. */
  userId: string;
  mode: KeyMode;
  role: Role;
  /** May create, change, roll and revoke (owner, admin); the API refuses everyone else with 403 anyway. */
  canManage: boolean;
  /** May invite members (owner). */
  canManageMembers: boolean;
}

const DashboardContext = createContext<DashboardContextValue | null>(null);

export function DashboardProvider({ value, children }: { value: DashboardContextValue; children: ReactNode }) {
  return <DashboardContext.Provider value={value}>{children}</DashboardContext.Provider>;
}

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error("useDashboard() needs a <DashboardProvider> (app/dashboard/layout.tsx)");
  return value;
}
