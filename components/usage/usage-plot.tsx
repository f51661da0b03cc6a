"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Usage } from "@/lib/contract";
import { bucketLabel } from "./bucket-label";

const AXIS_TICK = { fontSize: 11, fill: "var(--color-slate-500)" };

/**
 * The chart itself, loaded as a chunk of its own after the page (recharts is not in any page's first load). It is
 * hidden from assistive technology: the table beside it says the same.
 */
export default function UsagePlot({ usage }: { usage: Usage }) {
  const data = usage.buckets.map((bucket) => ({ ...bucket, label: bucketLabel(bucket.start, usage.unit) }));
  return (
    <div aria-hidden="true" className="h-56 w-full" data-testid="usage-plot">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--color-slate-200)" />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={12} tickLine={false} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={48} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: "var(--color-slate-100)" }}
            contentStyle={{ background: "var(--color-white)", borderColor: "var(--color-slate-200)", fontSize: 12 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="requests"
            name="Requests"
            fill="var(--color-slate-700)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="errors"
            name="Errors"
            fill="var(--color-red-600)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
