"use client";

import type { ReactNode } from "react";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { formatUnix } from "./display";
import { useObjectEvents } from "./use-payments";

/** A card with a heading: one part of a detail page. */
export function DetailCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      {children}
    </section>
  );
}

/** The object's fields as label / value pairs: two columns from 640 px, stacked on a phone. */
export function FieldList({ fields }: { fields: [label: string, value: ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {fields.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-500">{label}</dt>
          <dd className="min-w-0 break-words max-sm:mb-1">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function MetadataList({ metadata }: { metadata: Record<string, string> }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <p className="text-sm text-slate-500">No metadata.</p>;
  return (
    <FieldList
      fields={entries.map(([key, value]) => [
        key,
        <span key={key} className="font-mono text-xs">
          {value}
        </span>,
      ])}
    />
  );
}

/** What happened to the object: its events (the same the webhooks deliver), newest first, each with its snapshot. */
export function EventHistory({ objectId }: { objectId: string }) {
  const events = useObjectEvents(objectId);
  if (events.isPending) return <LoadingState label="Loading events…" />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => events.refetch()} />;
  if (events.data.data.length === 0) return <EmptyState title="No events recorded for it" />;
  return (
    <ol className="divide-y divide-slate-100 text-sm" aria-label="Events">
      {events.data.data.map((event) => (
        <li key={event.id} className="py-2">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="font-mono text-xs font-semibold">{event.type}</span>
              <span className="text-slate-600">{formatUnix(event.created)}</span>
              <span className="font-mono text-xs break-all text-slate-400">{event.id}</span>
            </summary>
            <pre className="mt-2 max-h-72 overflow-auto rounded bg-slate-50 p-3 font-mono text-xs">
              {JSON.stringify(event.data.object, null, 2)}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}

/** The parts every detail page has after its own fields: metadata and events. */
export function MetadataAndEvents({ objectId, metadata }: { objectId: string; metadata: Record<string, string> }) {
  return (
    <>
      <DetailCard title="Metadata">
        <MetadataList metadata={metadata} />
      </DetailCard>
      <DetailCard title="Events">
        <EventHistory objectId={objectId} />
      </DetailCard>
    </>
  );
}

/** Loading and error states of a detail page's object (its first render has it from the server). */
export function DetailState({ query }: { query: { isPending: boolean; error: Error | null; refetch: () => unknown } }) {
  if (query.isPending) return <LoadingState label="Loading…" />;
  return <ErrorState error={query.error ?? new Error("no answer")} onRetry={() => query.refetch()} />;
}
