"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import type { AuditEvent } from "@/lib/contract/audit-events";
import { api } from "../api";
import { useDashboard } from "../dashboard/dashboard-context";
import { auditEventsKey, auditFilterParsers, auditQuery, type AuditFilters } from "./audit-filters";

/** The Audit log's filters, kept in the URL (`?actor=…&action=…&target=…&range=24h`). */
export function useAuditFilters() {
  return useQueryStates(auditFilterParsers);
}

/** The filtered log, a page at a time (the server rendered the first one). */
export function useAuditEvents(filters: AuditFilters) {
  const { merchantId } = useDashboard();
  return useInfiniteQuery({
    queryKey: auditEventsKey(merchantId, filters),
    queryFn: ({ pageParam, signal }) => api.auditEvents.list(auditQuery(filters, pageParam), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.has_more ? page.data.at(-1)?.id : undefined),
  });
}

const EXPORT_PAGE = 100;
/** A CSV holds at most this many rows: past it, narrow the filters. */
export const EXPORT_LIMIT = 10_000;

/** Every row the filters select, read with the list operation a page of 100 at a time. */
export async function fetchAllAuditEvents(filters: AuditFilters): Promise<{ events: AuditEvent[]; complete: boolean }> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  while (events.length < EXPORT_LIMIT) {
    const page = await api.auditEvents.list(auditQuery(filters, cursor, EXPORT_PAGE));
    events.push(...page.data);
    cursor = page.data.at(-1)?.id;
    if (!page.has_more || !cursor) return { events, complete: true };
  }
  return { events, complete: false };
}
