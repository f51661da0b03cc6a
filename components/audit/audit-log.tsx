"use client";

import { Button } from "../ui/button";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { AuditExportButton } from "./audit-export-button";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditTable } from "./audit-table";
import { useAuditEvents, useAuditFilters } from "./use-audit-events";

export function AuditLog() {
  const [filters, setFilters] = useAuditFilters();
  const log = useAuditEvents(filters);
  const filtered = Boolean(filters.actor || filters.action || filters.target || filters.range);
  const events = log.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <div className="space-y-4">
      <AuditFilterForm key={`${filters.action}|${filters.target}`} filters={filters} onChange={setFilters} />
      <div className="flex justify-end">
        <AuditExportButton filters={filters} />
      </div>
      {log.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => log.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState title={filtered ? "No audit events match these filters" : "No audit events yet"}>
          {filtered
            ? "Clear the filters or widen the time range."
            : "Every change made in the dashboard or with a management token appears here: create an application to start."}
        </EmptyState>
      ) : (
        <>
          <AuditTable events={events} />
          {log.hasNextPage && (
            <div className="flex justify-center">
              <Button onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>
                {log.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
