"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/dashboard/settings/management-tokens", label: "Management tokens" },
  { href: "/dashboard/settings/members", label: "Members & invites" },
];

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="flex gap-4 border-b border-slate-200 text-sm">
      {TABS.map((tab) => {
        const current = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px border-b-2 px-1 pb-2 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none ${current ? "border-slate-900 font-medium" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
