"use client";

import Link from "next/link";
import { useState } from "react";
import type { ApplicationPage } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { formatDateTime } from "../format";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Table, Td } from "../ui/table";
import { ApplicationStatusButton } from "./application-status-button";
import { NewApplicationButton } from "./new-application-dialog";
import { useApplicationPage } from "./use-applications";

export function ApplicationList() {
  const { canManage } = useDashboard();
  const [page, setPage] = useState(1);
  const applications = useApplicationPage(page);

  return (
    <div className="space-y-4">
      {canManage && (
        <div className="flex justify-end">
          <NewApplicationButton onCreated={() => setPage(1)} />
        </div>
      )}
      {applications.isPending ? (
        <LoadingState label="Loading applications…" />
      ) : applications.isError ? (
        <ErrorState error={applications.error} onRetry={() => applications.refetch()} />
      ) : applications.data.items.length === 0 ? (
        <EmptyState title="No applications yet">
          {canManage
            ? "Create an application, then issue API keys for it."
            : "An owner or admin of this merchant can create one."}
        </EmptyState>
      ) : (
        <>
          <ApplicationTable page={applications.data} canManage={canManage} />
          <Pagination page={applications.data} onPage={setPage} />
        </>
      )}
    </div>
  );
}

function ApplicationTable({ page, canManage }: { page: ApplicationPage; canManage: boolean }) {
  const { mode } = useDashboard();
  return (
    <Table
      caption="Applications"
      columns={[
        "Name",
        "Allowed origins",
        `Active ${mode} keys`,
        "Status",
        "Created",
        canManage && { label: "Actions", align: "right" },
      ]}
    >
      {page.items.map((application) => (
        <tr key={application.id}>
          <Td>
            <Link
              href={`/dashboard/applications/${application.id}`}
              className="font-medium underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
            >
              {application.name}
            </Link>
            {application.description && <p className="text-xs text-slate-500">{application.description}</p>}
          </Td>
          <Td label="Allowed origins" className="font-mono text-xs break-all">
            {application.allowedOrigins.length ? (
              application.allowedOrigins.join(", ")
            ) : (
              <span className="font-sans text-slate-400">None: servers only</span>
            )}
          </Td>
          <Td label={`Active ${mode} keys`}>
            {application.apiKeys?.filter((key) => key.mode === mode && key.status === "active").length ?? 0}
          </Td>
          <Td label="Status">
            {application.isEnabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="danger">Disabled</Badge>}
          </Td>
          <Td label="Created" className="whitespace-nowrap text-slate-600">
            {formatDateTime(application.createdAt)}
          </Td>
          {canManage && (
            <Td className="text-right">
              <ApplicationStatusButton application={application} />
            </Td>
          )}
        </tr>
      ))}
    </Table>
  );
}

function Pagination({ page, onPage }: { page: ApplicationPage; onPage: (page: number) => void }) {
  if (page.totalPages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
      <span>
        Page {page.page} of {page.totalPages} · {page.totalItems} applications
      </span>
      <div className="flex gap-2">
        <Button size="sm" disabled={!page.hasPreviousPage} onClick={() => onPage(page.page - 1)}>
          Previous
        </Button>
        <Button size="sm" disabled={!page.hasNextPage} onClick={() => onPage(page.page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
