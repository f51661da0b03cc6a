"use client";

import { useQueryStates } from "nuqs";
import { useMemo, useState } from "react";
import { useApiKeys } from "../api-keys/use-api-keys";
import { useApplicationOptions } from "../applications/use-applications";
import { useDashboard } from "../dashboard/dashboard-context";
import { Button } from "../ui/button";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { LogDetail } from "./log-detail";
import { LogFilterBar } from "./log-filters";
import { LogTable } from "./log-table";
import { RequestIdNote } from "./request-id-note";
import { filtersOf, logSearchParams, type LogFilters } from "./search-params";
import { useRequestLogs } from "./use-request-logs";

function LiveTailToggle({ live, onChange }: { live: boolean; onChange: (live: boolean) => void }) {
  return (
    <Button aria-pressed={live} onClick={() => onChange(!live)} variant={live ? "primary" : "secondary"}>
      <span
        aria-hidden
        className={`inline-block h-2 w-2 rounded-full ${live ? "animate-pulse bg-emerald-400" : "bg-slate-400"}`}
      />
      Live tail
    </Button>
  );
}

/** The Logs page: filters in the URL, the newest requests first, "Load more", live tail and a request's detail. */
export function LogsView() {
  const { mode } = useDashboard();
  const [params, setParams] = useQueryStates(logSearchParams);
  const filters: LogFilters = filtersOf(params);
  const [live, setLive] = useState(false);
  const logs = useRequestLogs(filters, live);
  const keys = useApiKeys({ mode });
  const applications = useApplicationOptions();
  const keyNames = useMemo(() => new Map((keys.data?.items ?? []).map((key) => [key.id, key.name])), [keys.data]);
  const appNames = useMemo(
    () => new Map((applications.data ?? []).map((app) => [app.id, app.name])),
    [applications.data],
  );
  const rows = useMemo(() => logs.data?.pages.flatMap((page) => page.items) ?? [], [logs.data]);
  const filtered = Object.values(filters).some((value) => value !== null);

  return (
    <div className="space-y-4">
      <LogFilterBar filters={filters} onChange={(changes) => void setParams(changes)} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" aria-live="polite">
          {live
            ? "Live tail: new requests appear every few seconds."
            : `${mode === "live" ? "Live" : "Test"} mode requests.`}
        </p>
        <LiveTailToggle live={live} onChange={setLive} />
      </div>
      {logs.isPending && <LoadingState label="Loading requests…" />}
      {logs.error && (
        <div className="space-y-1">
          <ErrorState error={logs.error} onRetry={() => void logs.refetch()} />
          <RequestIdNote error={logs.error} />
        </div>
      )}
      {logs.data && rows.length === 0 && (
        <EmptyState title={filtered ? "No request matches these filters" : `No ${mode} requests yet`}>
          {filtered
            ? "Clear a filter, or widen the time range."
            : "Call the API with one of your keys (for example curl …/api/v1/me) and the request shows here within seconds."}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <LogTable logs={rows} keyNames={keyNames} onOpen={(log) => void setParams({ log: log.id })} />
      )}
      {logs.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => void logs.fetchNextPage()} disabled={logs.isFetchingNextPage}>
            {logs.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
      <LogDetail
        id={params.log}
        initial={rows.find((row) => row.id === params.log)}
        keyNames={keyNames}
        appNames={appNames}
        live={live}
        onClose={() => void setParams({ log: null })}
      />
    </div>
  );
}
