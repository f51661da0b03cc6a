"use client";

import { usePathname } from "next/navigation";
import { useId, useState, type ReactNode } from "react";

/**
 * The header's navigation and controls: one row from 1280 px (xl) up; below, behind a menu button that opens them
 * as a panel under the header. The panel closes on Escape and when the page changes. One copy of each control at
 * every width, so tests and assistive technology find exactly one "Merchant" or "Mode".
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  // Open on the page it was opened on: navigating closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const panelId = useId();

  return (
    <div
      className="contents"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) setOpenOn(null);
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="ml-auto inline-flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none xl:hidden"
      >
        <span className="sr-only">Menu</span>
        <svg aria-hidden viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
      </button>
      <div
        id={panelId}
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-30 max-h-[calc(100dvh-4rem)] flex-col gap-4 overflow-y-auto border-b border-slate-200 bg-white p-4 shadow-lg xl:static xl:z-auto xl:flex xl:max-h-none xl:min-w-0 xl:flex-1 xl:flex-row xl:items-center xl:gap-4 xl:overflow-visible xl:border-0 xl:bg-transparent xl:p-0 xl:shadow-none`}
      >
        {children}
      </div>
    </div>
  );
}
