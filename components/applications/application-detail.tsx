"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { Application } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { formatDateTime } from "../format";
import { Badge } from "../ui/badge";
import { ErrorState } from "../ui/states";
import { DeleteApplicationButton, EditApplicationButton } from "./application-actions";
import { ApplicationStatusButton } from "./application-status-button";
import { useApplication } from "./use-applications";

/** `keys` (its API keys panel) and `usage` (its usage chart) are server components the page renders. */
export function ApplicationDetail({
  initialApplication,
  keys,
  usage,
}: {
  initialApplication: Application;
  keys: ReactNode;
  usage?: ReactNode;
}) {
  const { canManage } = useDashboard();
  const query = useApplication(initialApplication.id, initialApplication);
  const application = query.data ?? initialApplication;

  return (
    <section className="space-y-8">
      <div className="space-y-3">
        <Link href="/dashboard/applications" className="text-sm text-slate-600 hover:text-slate-900">
          ← Applications
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 truncate text-2xl font-semibold" title={application.name}>
            {application.name}
          </h1>
          {application.isEnabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="danger">Disabled</Badge>}
          {canManage && (
            <div className="ml-auto flex items-center gap-2">
              <EditApplicationButton application={application} />
              <ApplicationStatusButton application={application} />
              <DeleteApplicationButton application={application} />
            </div>
          )}
        </div>
        {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
        {!application.isEnabled && (
          <p role="note" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            This application is disabled: every request with its keys gets 401 application_disabled.
          </p>
        )}
        <dl className="grid gap-x-8 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">Description</dt>
          <dd>{application.description ?? <span className="text-slate-400">None</span>}</dd>
          <dt className="text-slate-500">Allowed origins</dt>
          <dd className="font-mono text-xs">
            {application.allowedOrigins.length ? (
              application.allowedOrigins.join(", ")
            ) : (
              <span className="font-sans text-slate-400">None: servers only</span>
            )}
          </dd>
          <dt className="text-slate-500">ID</dt>
          <dd className="font-mono text-xs">{application.id}</dd>
          <dt className="text-slate-500">Created</dt>
          <dd>{formatDateTime(application.createdAt)}</dd>
        </dl>
      </div>
      <div className="space-y-3">
        <h2 className="text-lg font-semibold">API keys</h2>
        {keys}
      </div>
      {usage}
    </section>
  );
}
