"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const THEMES = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
] as const;

const noSubscription = () => () => {};

/** System, light or dark: next-themes keeps the choice in localStorage and follows the system until one is made. */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  // The server cannot know the stored choice: render the pressed state only in the browser.
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const current = mounted ? (theme ?? "system") : null;

  return (
    <div role="group" aria-label="Theme" className="flex items-center gap-2 text-xs">
      <span className="text-slate-500">Theme</span>
      <div className="inline-flex rounded-md border border-slate-300 p-0.5">
        {THEMES.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={current === option.value}
            onClick={() => setTheme(option.value)}
            className={`rounded px-2 py-1 font-medium focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none ${
              current === option.value ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"
            }`}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}
