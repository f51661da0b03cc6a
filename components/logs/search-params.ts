import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import type { KeyMode } from "@/lib/contract/api-keys";
import { LOGGED_METHODS, STATUS_CLASSES, type RequestLogListQuery } from "@/lib/contract/request-logs";

export const TIME_RANGES = { "1h": 3_600_000, "24h": 86_400_000, "7d": 604_800_000 } as const;
export type TimeRange = keyof typeof TIME_RANGES;

/**
 * The Logs page's filters and open request, in the URL (nuqs): the server render of the first page and the browser
 * read them with the same parsers, so a shared link shows the same rows.
 */
export const logSearchParams = {
  key: parseAsString,
  app: parseAsString,
  status: parseAsStringLiteral(STATUS_CLASSES),
  method: parseAsStringLiteral(LOGGED_METHODS),
  path: parseAsString,
  range: parseAsStringLiteral(Object.keys(TIME_RANGES) as TimeRange[]),
  /** The request whose detail is open. */
  log: parseAsString,
};

export interface LogFilters {
  key: string | null;
  app: string | null;
  status: (typeof STATUS_CLASSES)[number] | null;
  method: (typeof LOGGED_METHODS)[number] | null;
  path: string | null;
  range: TimeRange | null;
}

/** The filters that choose rows (not the open request): the query key of the list. */
export const filtersOf = ({ key, app, status, method, path, range }: LogFilters): LogFilters => ({
  key,
  app,
  status,
  method,
  path,
  range,
});

/** The list operation's query for these filters; a time range counts back from `now`, when the page is fetched. */
export function listQueryOf(filters: LogFilters, mode: KeyMode, now = Date.now()): Partial<RequestLogListQuery> {
  const path = filters.path?.trim();
  return {
    mode,
    ...(filters.key ? { apiKeyId: filters.key } : {}),
    ...(filters.app ? { applicationId: filters.app } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.method ? { method: filters.method } : {}),
    ...(path ? { path: path.startsWith("/") ? path : `/${path}` } : {}),
    ...(filters.range ? { since: new Date(now - TIME_RANGES[filters.range]).toISOString() } : {}),
  };
}

export const requestLogKeys = {
  list: (merchantId: string, mode: KeyMode, filters: LogFilters) =>
    ["merchant", merchantId, "request-logs", mode, filtersOf(filters)] as const,
  detail: (merchantId: string, id: string) => ["merchant", merchantId, "request-log", id] as const,
};
