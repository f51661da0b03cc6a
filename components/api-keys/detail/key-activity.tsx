"use client";

import Link from "next/link";
import { AuditTable } from "../../audit/audit-table";
import { formatLogTime, statusTone } from "../../logs/log-table";
import { Badge } from "../../ui/badge";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { Table, Td } from "../../ui/table";
import { useKeyAuditTrail, useKeyRequests } from "./use-key-detail";

/** The key's latest requests from the request log; the Logs page, filtered by this key, has the rest. */
export function RecentRequests({ keyId }: { keyId: string }) {
  const requests = useKeyRequests(keyId);
  return (
    <section aria-labelledby="requests-heading" className="space-y-2">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="requests-heading" className="text-lg font-semibold">
          Recent requests
        </h2>
        <Link className="text-sm underline" href={`/dashboard/logs?key=${encodeURIComponent(keyId)}`}>
          All requests of this key in Logs
        </Link>
      </div>
      {requests.isPending ? (
        <LoadingState label="Loading requests…" />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.items.length === 0 ? (
        <EmptyState title="No requests yet">
          Requests made with this key show here a few seconds after they end.
        </EmptyState>
      ) : (
        <Table caption="Recent requests of this key" columns={["Time", "Method", "Path", "Status"]}>
          {requests.data.items.map((log) => (
            <tr key={log.id}>
              <Td label="Time" className="whitespace-nowrap text-slate-600">
                {formatLogTime(log.createdAt)}
              </Td>
              <Td label="Method" className="font-mono text-xs">
                {log.method}
              </Td>
              <Td label="Path" className="font-mono text-xs break-all">
                {log.path}
              </Td>
              <Td label="Status">
                <Badge tone={statusTone(log.status)}>{log.status}</Badge>
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

/** Who changed the key and how: the audit events whose target it is. */
export function KeyAuditTrail({ keyId }: { keyId: string }) {
  const audit = useKeyAuditTrail(keyId);
  return (
    <section aria-labelledby="audit-heading" className="space-y-2">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit trail
        </h2>
        <Link className="text-sm underline" href={`/dashboard/audit-log?target=${encodeURIComponent(keyId)}`}>
          Open in the audit log
        </Link>
      </div>
      {audit.isPending ? (
        <LoadingState label="Loading the audit trail…" />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.data.length === 0 ? (
        <EmptyState title="No changes recorded">Renames, rolls and revocations of this key show here.</EmptyState>
      ) : (
        <AuditTable events={audit.data.data} />
      )}
    </section>
  );
}
