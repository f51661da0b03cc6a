"use client";

import dynamic from "next/dynamic";

/** recharts loads after the page, in a chunk of its own, and only in the browser; until then the chart's place is kept. */
export const LazyUsagePlot = dynamic(() => import("./usage-plot"), {
  ssr: false,
  loading: () => <div className="h-56 w-full rounded-md bg-slate-50" />,
});
