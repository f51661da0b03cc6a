"use client";

import Link from "next/link";
import type { RequestLogDetail, TraceDelivery } from "@/lib/contract/request-logs";
import { Badge, type BadgeTone } from "../ui/badge";
import { formatLogTime } from "./log-table";

/** The dashboard's page of an object, where one exists. */
function pageOf(object: { id: string; object: string }): string | null {
  if (object.object === "application") return `/dashboard/applications/${object.id}`;
  if (object.object === "api_key") return "/dashboard/api-keys";
  return null;
}

const DELIVERY_TONES: Record<TraceDelivery["status"], BadgeTone> = {
  pending: "info",
  succeeded: "success",
  failed: "danger",
};

function Delivery({ delivery }: { delivery: TraceDelivery }) {
  return (
    <li className="rounded-md border border-slate-200 p-2" data-testid="trace-delivery">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={DELIVERY_TONES[delivery.status]}>{delivery.status}</Badge>
        <span className="font-mono text-xs break-all">{delivery.endpoint.url}</span>
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
        {delivery.lastStatusCode !== null && ` · last answer ${delivery.lastStatusCode}`}
        {delivery.lastError && ` · ${delivery.lastError}`}
        {delivery.nextAttemptAt && ` · next attempt ${formatLogTime(delivery.nextAttemptAt)}`}
      </p>
      {delivery.attemptLog.length > 0 && (
        <ol className="mt-1 space-y-0.5 text-xs text-slate-600" aria-label="Attempts">
          {delivery.attemptLog.map((attempt, index) => (
            <li key={index} className="font-mono">
              {formatLogTime(new Date(attempt.at * 1000).toISOString())} → {attempt.status_code ?? "no answer"}
              {attempt.error && ` (${attempt.error})`}, {attempt.duration_ms} ms
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** What followed from the request: the objects it touched, the events it recorded, and their webhook deliveries. */
export function LogTrace({ trace }: { trace: RequestLogDetail["trace"] }) {
  if (trace.objects.length === 0 && trace.events.length === 0) {
    return <p className="text-sm text-slate-600">This request changed nothing and recorded no event.</p>;
  }
  return (
    <div className="space-y-3 text-sm">
      {trace.objects.length > 0 && (
        <div>
          <h4 className="font-medium">Objects</h4>
          <ul className="mt-1 space-y-1">
            {trace.objects.map((object) => {
              const href = pageOf(object);
              return (
                <li key={object.id} className="flex flex-wrap gap-2">
                  <span className="text-slate-600">{object.object}</span>
                  {href ? (
                    <Link href={href} className="font-mono text-xs underline">
                      {object.id}
                    </Link>
                  ) : (
                    <span className="font-mono text-xs">{object.id}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div>
        <h4 className="font-medium">Events and webhook deliveries</h4>
        {trace.events.length === 0 ? (
          <p className="text-slate-600">No event was recorded.</p>
        ) : (
          <ul className="mt-1 space-y-2">
            {trace.events.map((event) => (
              <li key={event.id} data-testid="trace-event">
                <p>
                  <span className="font-medium">{event.type}</span>{" "}
                  <span className="font-mono text-xs text-slate-500">{event.id}</span>
                </p>
                {event.deliveries.length === 0 ? (
                  <p className="text-xs text-slate-600">No webhook endpoint listens to this event.</p>
                ) : (
                  <ul className="mt-1 space-y-1">
                    {event.deliveries.map((delivery) => (
                      <Delivery key={delivery.id} delivery={delivery} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
