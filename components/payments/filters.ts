// The lists' filters, kept in the URL with nuqs: one set of parsers for the server's first page and the browser.
import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import type { KeyMode } from "@/lib/contract/api-keys";
import { CHECKOUT_SESSION_STATUSES } from "@/lib/contract/checkout-sessions";
import type { PaymentObjectKind } from "./query-keys";

export const PAGE_SIZE = 20;

const common = {
  q: parseAsString,
  /** Created on or after this day (UTC), as yyyy-mm-dd. */
  from: parseAsString,
  /** Created on or before this day (UTC). */
  to: parseAsString,
  /** The cursor: the page after this object's id. */
  after: parseAsString,
};

export const filterParsers = {
  "payment-links": {
    ...common,
    status: parseAsStringLiteral(["active", "archived"] as const),
    currency: parseAsString,
  },
  customers: { ...common, email: parseAsString },
  "checkout-sessions": {
    ...common,
    status: parseAsStringLiteral(CHECKOUT_SESSION_STATUSES),
    customer: parseAsString,
    currency: parseAsString,
  },
} satisfies Record<PaymentObjectKind, Record<string, unknown>>;

/** Every filter any list has, as the URL holds them (null: not set). */
export type Filters = Partial<
  Record<"q" | "from" | "to" | "after" | "status" | "currency" | "customer" | "email", string | null>
>;

/** Midnight UTC of a yyyy-mm-dd day, in Unix seconds; undefined for anything else. */
function dayStart(day: string | null | undefined): number | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/**
 * The list operation's query for these filters in this mode: the same object on the server and in the browser, so
 * the server's first page is the react-query entry the browser finds. A day range becomes `created[gte]`/`[lt]`.
 */
export function listQueryOf(filters: Filters, mode: KeyMode): Record<string, string | number> {
  const to = dayStart(filters.to);
  const query: Record<string, string | number | undefined> = {
    mode,
    limit: PAGE_SIZE,
    starting_after: filters.after ?? undefined,
    q: filters.q?.trim() || undefined,
    status: filters.status ?? undefined,
    currency: filters.currency?.trim() || undefined,
    customer: filters.customer?.trim() || undefined,
    email: filters.email?.trim() || undefined,
    "created[gte]": dayStart(filters.from),
    "created[lt]": to === undefined ? undefined : to + 86_400,
  };
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
  );
}
