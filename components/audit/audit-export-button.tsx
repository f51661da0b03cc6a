"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import type { AuditFilters } from "./audit-filters";
import { auditCsv } from "./audit-csv";
import { EXPORT_LIMIT, fetchAllAuditEvents } from "./use-audit-events";

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Downloads the filtered rows as CSV, built in the browser from the list operation's pages. */
export function AuditExportButton({ filters }: { filters: AuditFilters }) {
  const [state, setState] = useState<{ busy: boolean; note: string }>({ busy: false, note: "" });

  async function exportCsv() {
    setState({ busy: true, note: "Preparing the CSV…" });
    try {
      const { events, complete } = await fetchAllAuditEvents(filters);
      download(`audit-log-${new Date().toISOString().slice(0, 10)}.csv`, auditCsv(events));
      setState({
        busy: false,
        note: complete
          ? `Exported ${events.length} rows.`
          : `Exported the newest ${EXPORT_LIMIT} rows: narrow the filters for the rest.`,
      });
    } catch (error) {
      setState({ busy: false, note: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  return (
    <div className="flex items-center gap-3">
      <span aria-live="polite" className="text-xs text-slate-500">
        {state.note}
      </span>
      <Button onClick={exportCsv} disabled={state.busy}>
        Export CSV
      </Button>
    </div>
  );
}
