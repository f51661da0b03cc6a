// Shared by the server render and the browser (no "use client"): the Audit log's URL filters and its query.
import { createLoader, parseAsString, type inferParserType } from "nuqs/server";
import type { AuditEventListQuery } from "@/lib/contract/audit-events";
import { createdSince, timeRangeParser } from "../events/time-range";

export const auditFilterParsers = {
  actor: parseAsString,
  action: parseAsString,
  target: parseAsString,
  range: timeRangeParser,
};
export const loadAuditFilters = createLoader(auditFilterParsers);
export type AuditFilters = inferParserType<typeof auditFilterParsers>;

export const AUDIT_PAGE_SIZE = 25;

export const auditEventsKey = (merchantId: string, filters: AuditFilters) =>
  ["merchant", merchantId, "audit-events", filters] as const;

/** The list operation's query for one page of the filtered log. */
export function auditQuery(filters: AuditFilters, startingAfter?: string, limit = AUDIT_PAGE_SIZE) {
  return {
    limit,
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.target ? { target: filters.target } : {}),
    ...createdSince(filters.range),
    ...(startingAfter ? { starting_after: startingAfter } : {}),
  } satisfies Partial<AuditEventListQuery>;
}

/** Actions the dashboard records today, offered as suggestions (the filter takes any action). */
export const KNOWN_AUDIT_ACTIONS = [
  "application.created",
  "application.enabled",
  "application.disabled",
  "api_key.created",
  "api_key.updated",
  "api_key.rolled",
  "api_key.grace_extended",
  "api_key.grace_ended",
  "api_key.revoked",
  "api_key.linked",
  "management_token.created",
  "management_token.revoked",
  "invite.created",
  "invite.accepted",
];
