"use client";

import { useQueryStates } from "nuqs";
import { useState } from "react";
import { useDashboard } from "../dashboard/dashboard-context";
import { filterParsers, listQueryOf, type Filters } from "./filters";
import type { PaymentObjectKind } from "./query-keys";

/**
 * A list page's state: its filters in the URL, the list query they and the Test / Live toggle make, and the
 * cursors (`after`, in the URL too) behind the current page, so Previous can go back.
 */
export function useListState<Kind extends PaymentObjectKind>(kind: Kind) {
  const { mode } = useDashboard();
  const [filters, setFilters] = useQueryStates(filterParsers[kind]);
  const [behind, setBehind] = useState<(string | null)[]>([]);
  const current = filters as Filters;
  return {
    filters: current,
    /** The list operation's query: what the list's hook fetches. */
    query: listQueryOf(current, mode),
    filtered: Object.entries(current).some(
      ([name, value]) => name !== "after" && value !== null && value !== undefined,
    ),
    apply(changes: Filters) {
      setBehind([]);
      void setFilters({ ...changes, after: null } as never);
    },
    clear() {
      setBehind([]);
      void setFilters(null);
    },
    hasPrevious: Boolean(current.after),
    previous() {
      setBehind((stack) => stack.slice(0, -1));
      void setFilters({ after: behind.at(-1) ?? null } as never);
    },
    next(lastId: string) {
      setBehind((stack) => [...stack, current.after ?? null]);
      void setFilters({ after: lastId } as never);
    },
  };
}
export type ListState = ReturnType<typeof useListState>;
