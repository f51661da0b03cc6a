"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";

interface UserMenuProps {
  name: string;
  email: string | null;
  merchantName: string;
  role: string;
}

/** The account button: who you are, in which merchant and role, and the settings pages. Escape closes it. */
export function UserMenu({ name, email, merchantName, role }: UserMenuProps) {
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
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
      >
        <span
          aria-hidden
          className="flex size-6 items-center justify-center rounded-full bg-slate-800 text-xs text-white"
        >
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span>{name}</span>
        <span className="sr-only">account menu</span>
      </button>
      {open && (
        <div
          id={menuId}
          className="absolute right-0 z-20 mt-1 w-64 space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg"
        >
          <div>
            <p className="font-medium">{name}</p>
            {email && <p className="break-all text-slate-500">{email}</p>}
            <p className="text-slate-500">
              {role} of {merchantName}
            </p>
          </div>
          <ul className="border-t border-slate-100 pt-2">
            <li>
              <Link
                href="/dashboard/settings/members"
                onClick={() => setOpen(false)}
                className="block rounded px-2 py-1 hover:bg-slate-100"
              >
                Members &amp; invites
              </Link>
            </li>
            <li>
              <Link
                href="/dashboard/settings/management-tokens"
                onClick={() => setOpen(false)}
                className="block rounded px-2 py-1 hover:bg-slate-100"
              >
                Management tokens
              </Link>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
