"use client";

import type { RequestLog } from "@/lib/contract/request-logs";
import { Badge, type BadgeTone } from "../ui/badge";
import { Table, Td } from "../ui/table";

export function statusTone(status: number): BadgeTone {
  if (status >= 500) return "danger";
  if (status >= 400) return "warning";
  return "success";
}

// UTC, like formatDateTime, so the server render and the browser agree; seconds matter in a log.
const time = new Intl.DateTimeFormat("en-GB", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
});
export const formatLogTime = (iso: string) => `${time.format(new Date(iso))} UTC`;

interface LogTableProps {
  logs: RequestLog[];
  keyNames: ReadonlyMap<string, string>;
  onOpen: (log: RequestLog) => void;
}

function OpenButton({ log, onOpen }: { log: RequestLog; onOpen: LogTableProps["onOpen"] }) {
  return (
    <button
      type="button"
      onClick={() => onOpen(log)}
      aria-label={`${log.method} ${log.path} ${log.status}, details`}
      className="rounded text-left font-mono text-xs break-all text-slate-900 underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
    >
      {log.path}
    </button>
  );
}

/** The requests as a table at desktop widths and as cards on a phone; the path opens a request's detail. */
export function LogTable({ logs, keyNames, onOpen }: LogTableProps) {
  return (
    <>
      <div className="hidden md:block">
        <Table caption="API requests, newest first" columns={["Time", "Method", "Path", "Status", "Duration", "Key"]}>
          {logs.map((log) => (
            <tr key={log.id} data-testid="log-row">
              <Td className="whitespace-nowrap text-slate-600">{formatLogTime(log.createdAt)}</Td>
              <Td className="font-mono text-xs">{log.method}</Td>
              <Td>
                <OpenButton log={log} onOpen={onOpen} />
                {log.error && <p className="mt-0.5 text-xs text-slate-500">{log.error.code}</p>}
              </Td>
              <Td>
                <Badge tone={statusTone(log.status)}>{log.status}</Badge>
              </Td>
              <Td className="whitespace-nowrap text-slate-600">{log.durationMs} ms</Td>
              <Td className="text-slate-600">{keyNames.get(log.apiKeyId) ?? log.apiKeyId}</Td>
            </tr>
          ))}
        </Table>
      </div>
      <ul className="space-y-2 md:hidden" aria-label="API requests, newest first">
        {logs.map((log) => (
          <li key={log.id} data-testid="log-card" className="rounded-lg border border-slate-200 bg-white p-3">
            <div className="flex items-center justify-between gap-2">
              <span className="font-mono text-xs font-semibold">{log.method}</span>
              <Badge tone={statusTone(log.status)}>{log.status}</Badge>
            </div>
            <div className="mt-1">
              <OpenButton log={log} onOpen={onOpen} />
              {log.error && <p className="text-xs text-slate-500">{log.error.code}</p>}
            </div>
            <p className="mt-1 text-xs text-slate-500">
              {formatLogTime(log.createdAt)} · {log.durationMs} ms · {keyNames.get(log.apiKeyId) ?? log.apiKeyId}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
