"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { WebhookDelivery } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { formatDateTime } from "../format";
import { Badge, type BadgeTone } from "../ui/badge";
import { Button } from "../ui/button";
import { SelectField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Table, Td } from "../ui/table";
import { toastSuccess } from "../ui/toast";
import { isoOf } from "./endpoint-list";
import { useResendWebhookDelivery, useRetryFailedWebhooks, useWebhookDeliveries } from "./use-webhooks";

const TONE: Record<WebhookDelivery["status"], BadgeTone> = {
  succeeded: "success",
  pending: "warning",
  failed: "danger",
};
const STATUS_OPTIONS = [
  { value: "", label: "Every status" },
  { value: "failed", label: "Failed" },
  { value: "pending", label: "Pending" },
  { value: "succeeded", label: "Succeeded" },
] as const;
const SINCE_OPTIONS = [
  { value: "3600", label: "the last hour" },
  { value: "86400", label: "the last 24 hours" },
  { value: "604800", label: "the last 7 days" },
  { value: "2592000", label: "the last 30 days" },
] as const;

const lastAttempt = (delivery: WebhookDelivery) => delivery.attempt_log.at(-1);
const outcome = (delivery: WebhookDelivery) =>
  delivery.last_status_code !== null ? `HTTP ${delivery.last_status_code}` : (delivery.last_error ?? "—");

/** "Retry failed since…": every delivery of the time chosen whose last attempt failed, queued again. */
function RetryFailed({ endpointId }: { endpointId: string }) {
  const [window, setWindow] = useState<(typeof SINCE_OPTIONS)[number]["value"]>("86400");
  const retry = useRetryFailedWebhooks(endpointId);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const since = Math.floor(Date.now() / 1000) - Number(window);
    retry.mutate(
      { since },
      { onSuccess: (result) => toastSuccess(`Queued ${result.requeued} failed deliveries to be sent again.`) },
    );
  }
  return (
    <form onSubmit={submit} aria-label="Retry failed deliveries" className="flex flex-wrap items-end gap-2">
      <SelectField label="Retry failed since" value={window} options={SINCE_OPTIONS} onChange={setWindow} />
      <Button type="submit" disabled={retry.isPending}>
        {retry.isPending ? "Queuing…" : "Retry failed"}
      </Button>
      <FormError error={retry.error} />
    </form>
  );
}

/** An endpoint's deliveries, newest first: status, attempts, the last answer and how long it took; Resend each. */
export function EndpointDeliveries({ endpointId }: { endpointId: string }) {
  const { canManage } = useDashboard();
  const [status, setStatus] = useState<WebhookDelivery["status"] | "">("");
  const deliveries = useWebhookDeliveries(endpointId, status || undefined);
  const resend = useResendWebhookDelivery(endpointId);
  return (
    <section aria-labelledby="deliveries-heading" className="space-y-3">
      <h2 id="deliveries-heading" className="text-lg font-semibold">
        Deliveries
      </h2>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <SelectField label="Status" value={status} options={STATUS_OPTIONS} onChange={setStatus} />
        {canManage && <RetryFailed endpointId={endpointId} />}
      </div>
      <FormError error={resend.error} />
      {deliveries.isPending ? (
        <LoadingState label="Loading deliveries…" />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />
      ) : deliveries.data.data.length === 0 ? (
        <EmptyState title={status ? "No deliveries with this status" : "No deliveries yet"}>
          A delivery is queued for every event this endpoint subscribes to. Send a test event to try it now.
        </EmptyState>
      ) : (
        <Table
          caption="Deliveries"
          columns={["Event", "Status", "Attempts", "Response", "Duration", "Last attempt", canManage && ""]}
        >
          {deliveries.data.data.map((delivery) => (
            <tr key={delivery.id} data-testid="delivery-row">
              <Td label="Event">
                <Link
                  href={`/dashboard/events/${delivery.event}`}
                  className="font-mono text-xs underline-offset-2 hover:underline"
                >
                  {delivery.event_type}
                </Link>
              </Td>
              <Td label="Status">
                <Badge tone={TONE[delivery.status]}>{delivery.status}</Badge>
              </Td>
              <Td label="Attempts">{delivery.attempts}</Td>
              <Td label="Response">{outcome(delivery)}</Td>
              <Td label="Duration">{lastAttempt(delivery) ? `${lastAttempt(delivery)?.duration_ms} ms` : "—"}</Td>
              <Td label="Last attempt" className="whitespace-nowrap text-slate-600">
                {delivery.last_attempt_at ? formatDateTime(isoOf(delivery.last_attempt_at)) : "—"}
              </Td>
              {canManage && (
                <Td>
                  <Button
                    size="sm"
                    disabled={resend.isPending}
                    aria-label={`Resend ${delivery.event_type} delivery ${delivery.id}`}
                    onClick={() =>
                      resend.mutate(delivery.id, {
                        onSuccess: () => toastSuccess("Queued the delivery to be sent again."),
                      })
                    }
                  >
                    Resend
                  </Button>
                </Td>
              )}
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
