// A server component: the page's applications are HTML from the server; only the buttons that change them are
// JavaScript. Previous / Next are links to `?page=N`, so the server renders the page asked, with or without scripts.
import Link from "next/link";
import type { ApplicationPage } from "@/lib/contract";
import type { KeyMode } from "@/lib/contract/vocabulary";
import { formatDateTime } from "../format";
import { Badge } from "../ui/badge";
import { EmptyState } from "../ui/states";
import { Table, Td } from "../ui/table";
import { ApplicationStatusButton } from "./application-status-button";
import { NewApplicationButton } from "./new-application-dialog";

export const APPLICATIONS_PER_PAGE = 10;

/** The list's URL for one page: the first is the bare path, where a new application is shown. */
export function applicationsHref(page: number) {
  return page > 1 ? `/dashboard/applications?page=${page}` : "/dashboard/applications";
}

interface ApplicationListProps {
  page: ApplicationPage;
  /** The Test / Live toggle's mode: the keys column counts the active keys of this mode. */
  mode: KeyMode;
  canManage: boolean;
}

export function ApplicationList({ page, mode, canManage }: ApplicationListProps) {
  return (
    <div className="space-y-4">
      {canManage && (
        <div className="flex justify-end">
          <NewApplicationButton />
        </div>
      )}
      {page.items.length === 0 ? (
        <EmptyState title="No applications yet">
          {canManage
            ? "Create an application, then issue API keys for it."
            : "An owner or admin of this merchant can create one."}
        </EmptyState>
      ) : (
        <>
          <ApplicationTable page={page} mode={mode} canManage={canManage} />
          <Pagination page={page} />
        </>
      )}
    </div>
  );
}

function ApplicationTable({ page, mode, canManage }: ApplicationListProps) {
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

const PAGE_LINK = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium";

function Pagination({ page }: { page: ApplicationPage }) {
  if (page.totalPages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
      <span>
        Page {page.page} of {page.totalPages} · {page.totalItems} applications
      </span>
      <div className="flex gap-2">
        <PageLink to={page.page - 1} enabled={page.hasPreviousPage} label="Previous" />
        <PageLink to={page.page + 1} enabled={page.hasNextPage} label="Next" />
      </div>
    </nav>
  );
}

/** A link to another page; at either end it is plain text, as a link to nowhere would mislead. */
function PageLink({ to, enabled, label }: { to: number; enabled: boolean; label: string }) {
  if (!enabled) {
    return (
      <span aria-disabled="true" className={`${PAGE_LINK} cursor-not-allowed text-slate-400`}>
        {label}
      </span>
    );
  }
  return (
    <Link
      href={applicationsHref(to)}
      className={`${PAGE_LINK} text-slate-900 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:ring-offset-1 focus-visible:outline-none`}
    >
      {label}
    </Link>
  );
}
