"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { KEY_MODES, type KeyMode } from "@/lib/contract/vocabulary";
import { useDashboard } from "./dashboard-context";
import { MODE_COOKIE, setPreferenceCookie } from "./preferences";

const LABELS: Record<KeyMode, string> = { test: "Test", live: "Live" };

/** Test / live: a cookie both the server render and the browser read; keys and objects follow it. */
export function ModeToggle() {
  const { mode } = useDashboard();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(next: KeyMode) {
    if (next === mode) return;
    setPreferenceCookie(MODE_COOKIE, next);
    startTransition(() => router.refresh());
  }

  return (
    <div
      role="group"
      aria-label="Mode"
      aria-busy={pending}
      className="inline-flex rounded-md border border-slate-300 p-0.5 text-xs"
    >
      {KEY_MODES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={mode === option}
          onClick={() => choose(option)}
          className={`rounded px-2.5 py-1 font-medium focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none ${
            mode === option
              ? option === "live"
                ? "bg-emerald-600 text-white"
                : "bg-amber-500 text-white"
              : "text-slate-600 hover:bg-slate-100"
          }`}
        >
          {LABELS[option]}
        </button>
      ))}
    </div>
  );
}
