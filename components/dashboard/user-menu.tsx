"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { ThemeToggle } from "./theme-toggle";

interface UserMenuProps {
  name: string;
  email: string | null;
  merchantName: string;
  role: string;
  /** The Sign out form (a server action, rendered by the layout). */
  children: ReactNode;
}

const ITEM = "block rounded px-2 py-1 hover:bg-slate-100";

/**
 * The account button (avatar and role): who you are, in which merchant and role, the settings pages, the theme and
 * Sign out. Escape closes it.
 */
export function UserMenu({ name, email, merchantName, role, children }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  return (
    <div
      ref={container}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        title={`${name} · ${role} of ${merchantName}`}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md px-1.5 py-1 text-sm hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
      >
        <span
          aria-hidden
          className="flex size-7 items-center justify-center rounded-full bg-slate-800 text-xs font-medium text-white"
        >
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="sr-only">{name}, account menu. Role:</span>
        <span data-testid="role" className="text-slate-600">
          {role}
        </span>
      </button>
      {open && (
        <div
          id={menuId}
          className="absolute left-0 z-40 mt-1 w-72 space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg xl:right-0 xl:left-auto"
        >
          <div className="min-w-0">
            <p className="truncate font-medium" title={name}>
              {name}
            </p>
            {email && <p className="break-all text-slate-500">{email}</p>}
            <p className="truncate text-slate-500" title={`${role} of ${merchantName}`}>
              {role} of {merchantName}
            </p>
          </div>
          <ul className="border-t border-slate-100 pt-2">
            <li>
              <Link href="/dashboard/settings/members" onClick={() => setOpen(false)} className={ITEM}>
                Members &amp; invites
              </Link>
            </li>
            <li>
              <Link href="/dashboard/settings/management-tokens" onClick={() => setOpen(false)} className={ITEM}>
                Management tokens
              </Link>
            </li>
            <li>
              <Link href="/docs/api" prefetch={false} onClick={() => setOpen(false)} className={ITEM}>
                API reference
              </Link>
            </li>
          </ul>
          <div className="border-t border-slate-100 pt-2">
            <ThemeToggle />
          </div>
          <div className="border-t border-slate-100 pt-2">{children}</div>
        </div>
      )}
    </div>
  );
}
