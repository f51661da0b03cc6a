"use client";

import Link from "next/link";
import { useState } from "react";
import type { EventDetail as EventDetailView } from "@/lib/contract/merchant-events";
import { formatDateTime } from "../format";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ErrorState, LoadingState } from "../ui/states";
import { EventDeliveries } from "./event-deliveries";
import { useEvent } from "./use-events";

function JsonBlock({ value }: { value: unknown }) {
  const text = JSON.stringify(value, null, 2);
  const [note, setNote] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setNote("Copied to the clipboard.");
    } catch {
      setNote("Copying is blocked here: select the text and press Ctrl+C (⌘C).");
    }
  }
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Event data</h2>
        <span aria-live="polite" className="text-xs text-slate-500">
          {note}
        </span>
        <Button size="sm" onClick={copy}>
          Copy JSON
        </Button>
      </div>
      <pre
        tabIndex={0}
        aria-label="Event JSON"
        data-testid="event-json"
        className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-slate-950 p-4 font-mono text-xs text-slate-100 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
      >
        {text}
      </pre>
    </div>
  );
}

function Header({ event }: { event: EventDetailView }) {
  return (
    <div className="space-y-2">
      <Link href="/dashboard/events" className="text-sm text-slate-600 underline-offset-2 hover:underline">
        ← Events
      </Link>
      <h1 className="font-mono text-xl font-semibold break-all">{event.id}</h1>
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <Badge>{event.type}</Badge>
        <Badge tone={event.livemode ? "success" : "warning"}>{event.livemode ? "Live" : "Test"}</Badge>
        <span>{formatDateTime(new Date(event.created * 1000).toISOString())}</span>
      </p>
    </div>
  );
}

export function EventDetail({ id }: { id: string }) {
  const event = useEvent(id);
  if (event.isPending) return <LoadingState label="Loading the event…" />;
  if (event.isError) return <ErrorState error={event.error} onRetry={() => event.refetch()} />;
  const { deliveries, ...payload } = event.data;
  return (
    <section className="space-y-8">
      <Header event={event.data} />
      <JsonBlock value={payload} />
      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Webhook deliveries</h2>
        <EventDeliveries deliveries={deliveries} />
      </div>
    </section>
  );
}
