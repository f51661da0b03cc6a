"use client";

import type { ReactNode } from "react";
import { useDashboard } from "../dashboard/dashboard-context";
import { formatDateTime } from "../format";
import { Badge } from "../ui/badge";
import { ErrorState, LoadingState } from "../ui/states";
import { EndpointActions } from "./endpoint-actions";
import { EndpointDeliveries } from "./endpoint-deliveries";
import { isoOf } from "./endpoint-list";
import { useWebhookEndpoint } from "./use-webhooks";

/** One endpoint: its fields, what a manager may do with it, and its deliveries. */
export function WebhookEndpointDetail({ id }: { id: string }) {
  const { canManage } = useDashboard();
  const endpoint = useWebhookEndpoint(id);
  if (endpoint.isPending) return <LoadingState label="Loading the endpoint…" />;
  if (endpoint.isError) return <ErrorState error={endpoint.error} onRetry={() => endpoint.refetch()} />;
  const { data } = endpoint;
  const fields: [string, ReactNode][] = [
    [
      "URL",
      <span key="url" className="break-all">
        {data.url}
      </span>,
    ],
    [
      "Status",
      <Badge key="status" tone={data.status === "enabled" ? "success" : "neutral"}>
        {data.status}
      </Badge>,
    ],
    [
      "Events",
      <span key="events" className="font-mono text-xs">
        {data.enabled_events.join(", ")}
      </span>,
    ],
    ["Description", data.description ?? "—"],
    ["Mode", data.livemode ? "live" : "test"],
    [
      "ID",
      <span key="id" className="font-mono text-xs">
        {data.id}
      </span>,
    ],
    ["Created", formatDateTime(isoOf(data.created))],
  ];
  if (data.previous_secret_expires_at !== null)
    fields.push(["Old secret signs until", formatDateTime(isoOf(data.previous_secret_expires_at))]);
  return (
    <div className="space-y-6">
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        {fields.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="min-w-0">{value}</dd>
          </div>
        ))}
      </dl>
      {canManage && <EndpointActions endpoint={data} />}
      <EndpointDeliveries endpointId={data.id} />
    </div>
  );
}
