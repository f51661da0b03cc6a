"use client";

import Link from "next/link";
import { formatDateTime } from "../format";
import { Badge } from "../ui/badge";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Table, Td } from "../ui/table";
import { useWebhookEndpoints } from "./use-webhooks";

const LINK =
  "font-medium break-all underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none";
export const isoOf = (seconds: number) => new Date(seconds * 1000).toISOString();

/** The merchant's endpoints of the selected mode, each linking to its page. */
export function WebhookEndpointList() {
  const endpoints = useWebhookEndpoints();
  if (endpoints.isPending) return <LoadingState label="Loading webhook endpoints…" />;
  if (endpoints.isError) return <ErrorState error={endpoints.error} onRetry={() => endpoints.refetch()} />;
  const rows = endpoints.data.data;
  if (rows.length === 0)
    return (
      <EmptyState title="No webhook endpoints yet">
        Add an endpoint with the URL of your server: every event of this mode it subscribes to is POSTed there, signed
        with its secret, and retried for hours when your server does not answer 2xx.
      </EmptyState>
    );
  return (
    <Table caption="Webhook endpoints" columns={["URL", "Events", "Status", "Created"]}>
      {rows.map((endpoint) => (
        <tr key={endpoint.id} data-testid="webhook-endpoint-row">
          <Td label="URL">
            <Link href={`/dashboard/webhooks/${endpoint.id}`} className={LINK}>
              {endpoint.url}
            </Link>
            {endpoint.description && <p className="text-xs text-slate-500">{endpoint.description}</p>}
          </Td>
          <Td label="Events" className="font-mono text-xs">
            {endpoint.enabled_events.join(", ")}
          </Td>
          <Td label="Status">
            <Badge tone={endpoint.status === "enabled" ? "success" : "neutral"}>{endpoint.status}</Badge>
          </Td>
          <Td label="Created" className="whitespace-nowrap text-slate-600">
            {formatDateTime(isoOf(endpoint.created))}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
