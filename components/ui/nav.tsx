"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavLink = { href: string; label: string };

const STYLES = {
  /** The header's menu: the current page on a grey pill; a column in the small screens' menu panel. */
  menu: {
    nav: "flex flex-col gap-1 text-sm xl:flex-row xl:gap-0.5",
    link: "whitespace-nowrap rounded-md px-3 py-2 xl:px-2 xl:py-1",
    current: "bg-slate-100 font-medium text-slate-900",
    other: "text-slate-600 hover:text-slate-900",
  },
  /** Tabs above a page: the current one underlined. */
  tabs: {
    nav: "flex gap-4 border-b border-slate-200 text-sm",
    link: "-mb-px border-b-2 px-1 pb-2",
    current: "border-slate-900 font-medium",
    other: "border-transparent text-slate-600 hover:text-slate-900",
  },
} as const;

/** Links to pages; a link is marked current (aria-current) on its page and on the pages below it. */
export function Nav({
  label,
  links,
  variant,
}: {
  label: string;
  links: readonly NavLink[];
  variant: keyof typeof STYLES;
}) {
  const pathname = usePathname();
  const style = STYLES[variant];
  return (
    <nav aria-label={label} className={style.nav}>
      {links.map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`${style.link} focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none ${current ? style.current : style.other}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
