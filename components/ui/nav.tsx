"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

export type NavLink = { href: string; label: string };
/** Links shown together: a menu of their own in the header's row, a labelled list in the small screens' panel. */
export type NavGroup = { label: string; links: readonly NavLink[] };
export type NavEntry = NavLink | NavGroup;

const STYLES = {
  /** The header's menu: the current page on a grey pill; a column in the small screens' menu panel. */
  menu: {
    nav: "flex flex-col gap-1 text-sm xl:flex-row xl:items-center xl:gap-0.5",
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
type Style = (typeof STYLES)[keyof typeof STYLES];

const FOCUS = "focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none";
const isCurrent = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

function EntryLink({ link, style, pathname }: { link: NavLink; style: Style; pathname: string }) {
  const current = isCurrent(pathname, link.href);
  return (
    <Link
      href={link.href}
      aria-current={current ? "page" : undefined}
      className={`${style.link} ${FOCUS} ${current ? style.current : style.other}`}
    >
      {link.label}
    </Link>
  );
}

/**
 * A group: below 1280 px its label and its links, always shown (the panel is a column); from 1280 px up a button
 * that opens its links below it, closed again by Escape, by leaving the group, or by going to another page.
 */
function EntryGroup({ group, style, pathname }: { group: NavGroup; style: Style; pathname: string }) {
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const current = group.links.some((link) => isCurrent(pathname, link.href));
  return (
    <div
      className="xl:relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) setOpenOn(null);
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpenOn(null);
      }}
    >
      <p className="px-3 pt-2 text-xs font-medium tracking-wide text-slate-500 uppercase xl:hidden">{group.label}</p>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpenOn(open ? null : pathname)}
        className={`hidden items-center gap-1 ${style.link} ${FOCUS} ${current ? style.current : style.other} xl:inline-flex`}
      >
        {group.label}
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="1.5" fill="none" />
        </svg>
      </button>
      <div
        className={`flex flex-col gap-1 ${open ? "xl:flex" : "xl:hidden"} xl:absolute xl:top-full xl:left-0 xl:z-40 xl:mt-1 xl:min-w-44 xl:rounded-md xl:border xl:border-slate-200 xl:bg-white xl:p-1 xl:shadow-lg`}
      >
        {group.links.map((link) => (
          <EntryLink key={link.href} link={link} style={style} pathname={pathname} />
        ))}
      </div>
    </div>
  );
}

/** Links to pages; a link is marked current (aria-current) on its page and on the pages below it. */
export function Nav({
  label,
  links,
  variant,
}: {
  label: string;
  links: readonly NavEntry[];
  variant: keyof typeof STYLES;
}) {
  const pathname = usePathname();
  const style = STYLES[variant];
  return (
    <nav aria-label={label} className={style.nav}>
      {links.map((entry) =>
        "links" in entry ? (
          <EntryGroup key={entry.label} group={entry} style={style} pathname={pathname} />
        ) : (
          <EntryLink key={entry.href} link={entry} style={style} pathname={pathname} />
        ),
      )}
    </nav>
  );
}
