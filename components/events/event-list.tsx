"use client";

import Link from "next/link";
import type { Event } from "@/lib/contract/events";
import { formatDateTime } from "../format";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Table, Td } from "../ui/table";
import type { EventFilters } from "./event-filters";
import { useEvents } from "./use-events";

const LINK =
  "font-mono text-xs underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none";
const isoOf = (created: number) => new Date(created * 1000).toISOString();
const objectId = (event: Event) => (typeof event.data.object.id === "string" ? event.data.object.id : "—");

/** A page of events, newest first, each linking to its detail; reusable on an object's page with `object`. */
export function EventList({ filters, object }: { filters: EventFilters; object?: string }) {
  const events = useEvents(filters, object);
  const rows = events.data?.pages.flatMap((page) => page.data) ?? [];
  if (events.isPending) return <LoadingState label="Loading events…" />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => events.refetch()} />;
  if (rows.length === 0)
    return (
      <EmptyState title={filters.type || filters.range ? "No events match these filters" : "No events yet"}>
        Events are recorded when your backend creates or changes objects with an API key of this mode (customers,
        payment links, checkout sessions, webhook endpoints).
      </EmptyState>
    );
  return (
    <div className="space-y-4">
      <div className="hidden sm:block">
        <Table caption="Events" columns={["Event", "Type", "Object", "Created"]}>
          {rows.map((event) => (
            <tr key={event.id} data-testid="event-row">
              <Td>
                <Link href={`/dashboard/events/${event.id}`} className={LINK}>
                  {event.id}
                </Link>
              </Td>
              <Td>
                <Badge>{event.type}</Badge>
              </Td>
              <Td className="font-mono text-xs">{objectId(event)}</Td>
              <Td className="whitespace-nowrap text-slate-600">{formatDateTime(isoOf(event.created))}</Td>
            </tr>
          ))}
        </Table>
      </div>
      <ul aria-label="Events" className="space-y-2 sm:hidden">
        {rows.map((event) => (
          <li key={event.id} data-testid="event-card" className="rounded-lg border border-slate-200 bg-white p-3">
            <p className="flex flex-wrap items-center justify-between gap-2">
              <Badge>{event.type}</Badge>
              <span className="text-xs text-slate-500">{formatDateTime(isoOf(event.created))}</span>
            </p>
            <Link href={`/dashboard/events/${event.id}`} className={`${LINK} mt-1 block break-all`}>
              {event.id}
            </Link>
            <p className="font-mono text-xs break-all text-slate-500">{objectId(event)}</p>
          </li>
        ))}
      </ul>
      {events.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
            {events.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </div>
  );
}
