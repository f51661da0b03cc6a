import Link from "next/link";
import type { UsageRange } from "@/lib/contract/vocabulary";
import { USAGE_PARAM } from "./usage-range";

const OPTIONS: { value: UsageRange; label: string }[] = [
  { value: "24h", label: "24 h" },
  { value: "30d", label: "30 d" },
];

export type PageSearch = Record<string, string | string[] | undefined>;

/** The page's URL with another range (its other parameters kept): 24h is the default, so it leaves `usage` out. */
function hrefOf(path: string, search: PageSearch, range: UsageRange) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    if (name === USAGE_PARAM || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  if (range !== "24h") params.set(USAGE_PARAM, range);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** 24 h / 30 d as links (`?usage=30d`): the server renders the range asked, with or without JavaScript. */
export function RangeSwitch({ range, path, search }: { range: UsageRange; path: string; search: PageSearch }) {
  return (
    <nav aria-label="Usage range" className="inline-flex rounded-md border border-slate-300 p-0.5 text-xs">
      {OPTIONS.map(({ value, label }) => (
        <Link
          key={value}
          href={hrefOf(path, search, value)}
          replace
          scroll={false}
          aria-current={value === range ? "true" : undefined}
          className={`rounded px-2.5 py-1 font-medium focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none ${
            value === range ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"
          }`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
