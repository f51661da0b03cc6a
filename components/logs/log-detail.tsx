"use client";

import type { ReactNode } from "react";
import type { RequestLog } from "@/lib/contract/request-logs";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { ErrorState, LoadingState } from "../ui/states";
import { formatLogTime, statusTone } from "./log-table";
import { LogTrace } from "./log-trace";
import { RequestIdNote } from "./request-id-note";
import { useRequestLog } from "./use-request-logs";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-all">{children ?? <span className="text-slate-400">—</span>}</dd>
    </div>
  );
}

function Fields({ log, keyName, appName }: { log: RequestLog; keyName?: string; appName?: string }) {
  return (
    <dl className="space-y-1 text-sm">
      <Field label="Time">{formatLogTime(log.createdAt)}</Field>
      <Field label="Request id">
        <span className="font-mono text-xs">{log.requestId}</span>
      </Field>
      <Field label="Status">
        <Badge tone={statusTone(log.status)}>{log.status}</Badge>
      </Field>
      <Field label="Duration">{log.durationMs} ms</Field>
      <Field label="Mode">{log.mode}</Field>
      <Field label="Key">{keyName ? `${keyName} (${log.apiKeyId})` : log.apiKeyId}</Field>
      <Field label="Application">{appName ? `${appName} (${log.applicationId})` : log.applicationId}</Field>
      <Field label="Client IP">{log.ip}</Field>
      <Field label="User agent">{log.userAgent}</Field>
      <Field label="Idempotency-Key">{log.idempotencyKey}</Field>
      <Field label="Error">
        {log.error && (
          <span>
            <span className="font-mono text-xs">
              {log.error.type} · {log.error.code}
            </span>
            <br />
            {log.error.message}
          </span>
        )}
      </Field>
    </dl>
  );
}

interface LogDetailProps {
  id: string | null;
  /** The row as the list has it, shown at once while the trace loads. */
  initial?: RequestLog;
  keyNames: ReadonlyMap<string, string>;
  appNames: ReadonlyMap<string, string>;
  live: boolean;
  onClose: () => void;
}

/** Everything recorded of one request, and its trace; Escape or Close returns to the list. */
export function LogDetail({ id, initial, keyNames, appNames, live, onClose }: LogDetailProps) {
  const detail = useRequestLog(id, live);
  const log = detail.data ?? initial;
  return (
    <Dialog
      open={id !== null}
      onClose={onClose}
      title={log ? `${log.method} ${log.path}` : "Request"}
      description="Request and response bodies are not stored."
    >
      <div className="max-h-[70vh] space-y-4 overflow-y-auto">
        {log && (
          <Fields
            log={log}
            keyName={keyNames.get(log.apiKeyId)}
            appName={log.applicationId ? appNames.get(log.applicationId) : undefined}
          />
        )}
        <section className="space-y-2" aria-label="Trace">
          <h3 className="font-semibold">Trace</h3>
          {detail.isPending && <LoadingState label="Loading the trace…" />}
          {detail.error && (
            <div className="space-y-1">
              <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
              <RequestIdNote error={detail.error} />
            </div>
          )}
          {detail.data && <LogTrace trace={detail.data.trace} />}
        </section>
      </div>
      <div className="flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}
