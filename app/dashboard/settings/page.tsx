import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDashboardSession } from "@/lib/accounts/dashboard";

export const metadata: Metadata = { title: "Settings · Merchant Console" };

const SECTIONS = [
  {
    href: "/dashboard/settings/management-tokens",
    title: "Management tokens",
    text: "Short-lived tokens for scripts and CI to call the management API as you.",
    managersOnly: true,
  },
  {
    href: "/dashboard/settings/members",
    title: "Members & invites",
    text: "Who belongs to this merchant, their roles, and pending invites.",
    managersOnly: false,
  },
];

/** An index of the settings pages. A page of its own, not a redirect: a redirect while the page streams left the
 * browser on a document without a title for a moment ("Loading http://…"). */
export default async function SettingsPage() {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {SECTIONS.map((section) => (
        <li key={section.href} className="rounded-lg border border-slate-200 bg-white p-5">
          <Link href={section.href} className="font-medium underline-offset-2 hover:underline">
            {section.title}
          </Link>
          <p className="mt-1 text-sm text-slate-600">
            {section.text}
            {section.managersOnly && !session.canManage ? " Owners and admins only." : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
