import type { Usage } from "@/lib/contract";
import { bucketLabel } from "./bucket-label";

/** Every bucket as a table, for screen readers and for a browser without JavaScript (where the chart never draws). */
export function UsageTable({ usage, caption }: { usage: Usage; caption: string }) {
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{usage.unit === "hour" ? "Hour (UTC)" : "Day (UTC)"}</th>
            <th scope="col">Requests</th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {usage.buckets.map((bucket) => (
            <tr key={bucket.start}>
              <th scope="row">{bucketLabel(bucket.start, usage.unit)}</th>
              <td>{bucket.requests}</td>
              <td>{bucket.errors}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
