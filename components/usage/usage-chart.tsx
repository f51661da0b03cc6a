// A server component: the totals, the range switch and the table are HTML from the server; only the chart itself is
// JavaScript, loaded after the page. The Test / Live toggle and the switch re-render it on the server.
import type { Usage } from "@/lib/contract";
import type { KeyMode } from "@/lib/contract/vocabulary";
import { usageQuerySchema } from "@/lib/contract/usage";
import { ApiError } from "@/lib/http/errors";
import { appContext } from "@/lib/keys/runtime";
import { readUsage } from "@/lib/keys/usage-report";
import { EmptyState, ErrorState } from "../ui/states";
import { rangeWords } from "./bucket-label";
import { LazyUsagePlot } from "./lazy-usage-plot";
import { RangeSwitch, type PageSearch } from "./range-switch";
import { USAGE_PARAM, usageQuery, usageRangeOf } from "./usage-range";
import { UsageTable } from "./usage-table";

interface UsageChartProps {
  merchantId: string;
  /** The Test / Live toggle's mode; a key is counted in its own. */
  mode: KeyMode;
  /** The page's path and search parameters: the range is `?usage=`, and the switch keeps the others. */
  path: string;
  search: PageSearch;
  /** One key's usage; without it (and without `applicationId`), every key of the merchant in `mode`. */
  apiKeyId?: string;
  /** Only this application's keys. */
  applicationId?: string;
  title?: string;
}

function Totals({ usage }: { usage: Usage }) {
  const { requests, errors } = usage.totals;
  return (
    <p className="flex flex-wrap items-baseline gap-x-6 gap-y-1" data-testid="usage-totals">
      <span>
        <span className="text-3xl font-semibold">{requests.toLocaleString("en")}</span>{" "}
        <span className="text-slate-600">{requests === 1 ? "request" : "requests"}</span>
      </span>
      <span>
        <span className="text-xl font-semibold text-red-700">{errors.toLocaleString("en")}</span>{" "}
        <span className="text-slate-600">{errors === 1 ? "error" : "errors"}</span>
      </span>
      <span className="text-sm text-slate-500">in {rangeWords[usage.range]}</span>
    </p>
  );
}

/** Reads the usage through the operation's own domain function; a refused filter is shown, not thrown. */
async function read(props: UsageChartProps) {
  const filter = { range: usageRangeOf(props.search[USAGE_PARAM]), ...props };
  try {
    const query = usageQuerySchema.parse(usageQuery(props.mode, filter));
    return { usage: await readUsage(appContext, { merchantId: props.merchantId, query }) };
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { error };
    throw error;
  }
}

/** Requests and errors per hour (24 h) or per day (30 d), with their totals. */
export async function UsageChart(props: UsageChartProps) {
  const { title = "API usage", apiKeyId, path, search } = props;
  const { usage, error } = await read(props);
  const range = usageRangeOf(search[USAGE_PARAM]);
  const subject = apiKeyId ? "this key" : `${usage?.mode ?? props.mode} keys`;
  const headingId = `usage-${apiKeyId ?? props.applicationId ?? "merchant"}`;
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
        <RangeSwitch range={range} path={path} search={search} />
      </div>
      {usage ? (
        <>
          <Totals usage={usage} />
          {usage.totals.requests === 0 ? (
            <EmptyState title={`No requests with ${subject} in ${rangeWords[usage.range]}`}>
              Call the API with a key (for example curl …/api/v1/me): requests are counted here within seconds.
            </EmptyState>
          ) : (
            <LazyUsagePlot usage={usage} />
          )}
          <UsageTable
            usage={usage}
            caption={`${title}: requests and errors of ${subject} in ${rangeWords[usage.range]}`}
          />
        </>
      ) : (
        error && <ErrorState error={error} />
      )}
    </section>
  );
}
