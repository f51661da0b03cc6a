"use client";

import { lazy, Suspense, useSyncExternalStore, type ComponentProps } from "react";

/**
 * recharts loads after the page, in a chunk of its own, and only in the browser; until then the chart's place is
 * kept. React's own `lazy` (already in the page) rather than next/dynamic, whose loader would add about 2 KB to the
 * page's first load.
 */
const UsagePlot = lazy(() => import("./usage-plot"));

const noChange = () => () => undefined;

export function LazyUsagePlot(props: ComponentProps<typeof UsagePlot>) {
  const inBrowser = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
  const placeholder = <div className="h-56 w-full rounded-md bg-slate-50" />;
  return inBrowser ? (
    <Suspense fallback={placeholder}>
      <UsagePlot {...props} />
    </Suspense>
  ) : (
    placeholder
  );
}
