import { redirect } from "next/navigation";
import { getDashboardSession } from "@/lib/accounts/dashboard";

export default async function SettingsPage() {
  const session = await getDashboardSession();
  redirect(session?.canManage ? "/dashboard/settings/management-tokens" : "/dashboard/settings/members");
}
