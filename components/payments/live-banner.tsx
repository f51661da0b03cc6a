"use client";

import { useDashboard } from "../dashboard/dashboard-context";

/** While Live is selected: what these pages show and change is real. */
export function LiveModeBanner() {
  const { mode } = useDashboard();
  if (mode !== "live") return null;
  return (
    <div
      role="note"
      aria-label="Live mode"
      className="rounded-md border border-emerald-700 bg-emerald-700 px-4 py-2 text-sm text-white"
    >
      <strong className="font-semibold">Live mode.</strong> You are viewing real payments and customers: what you
      create, archive or expire here affects your business. Switch to Test in the header to try things out.
    </div>
  );
}
