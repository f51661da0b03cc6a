// Shared by the server render and the browser (no "use client"): the Events page's URL filters and its query.
import { createLoader, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import type { KeyMode } from "@/lib/contract/api-keys";
import { EVENT_TYPES } from "@/lib/contract/events";
import type { MerchantEventListQuery } from "@/lib/contract/merchant-events";
import { createdSince, timeRangeParser } from "./time-range";

export const eventFilterParsers = { type: parseAsStringLiteral(EVENT_TYPES), range: timeRangeParser };
export const loadEventFilters = createLoader(eventFilterParsers);
export type EventFilters = inferParserType<typeof eventFilterParsers>;

export const EVENT_PAGE_SIZE = 25;

/** `object` narrows to one object's events: the list component is the same on an object's own page. */
export const eventListKey = (merchantId: string, mode: KeyMode, filters: EventFilters, object?: string) =>
  ["merchant", merchantId, "events", mode, filters, object ?? null] as const;
export const eventDetailKey = (merchantId: string, id: string) => ["merchant", merchantId, "event", id] as const;

export function eventQuery(mode: KeyMode, filters: EventFilters, startingAfter?: string, object?: string) {
  return {
    mode,
    limit: EVENT_PAGE_SIZE,
    ...(filters.type ? { type: filters.type } : {}),
    ...(object ? { object } : {}),
    ...createdSince(filters.range),
    ...(startingAfter ? { starting_after: startingAfter } : {}),
  } satisfies Partial<MerchantEventListQuery>;
}
