"use client";

import type { ReactNode } from "react";
import { Button } from "../ui/button";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import type { ListState } from "./use-list-state";

interface Page<Item> {
  has_more: boolean;
  data: Item[];
}

/**
 * What a list shows: loading, the API's error, an empty state that says how to start (or that no object matches
 * the filters), or the rows with Previous / Next.
 */
export function ListBody<Item extends { id: string }>({
  state,
  page,
  noun,
  start,
  children,
}: {
  state: ListState;
  page: {
    isPending: boolean;
    isError: boolean;
    error: Error | null;
    data?: Page<Item>;
    refetch: () => unknown;
    isPlaceholderData: boolean;
  };
  noun: string;
  start: ReactNode;
  children: (items: Item[]) => ReactNode;
}) {
  if (page.isPending) return <LoadingState label={`Loading ${noun}…`} />;
  if (page.isError || !page.data)
    return <ErrorState error={page.error ?? new Error("no answer")} onRetry={() => page.refetch()} />;
  const { data, has_more } = page.data;
  if (data.length === 0) {
    if (state.filtered || state.hasPrevious)
      return (
        <EmptyState title={`No ${noun} match these filters`}>
          <Button size="sm" variant="ghost" onClick={state.clear}>
            Clear filters
          </Button>
        </EmptyState>
      );
    return <EmptyState title={`No ${noun} yet`}>{start}</EmptyState>;
  }
  const last = data.at(-1);
  return (
    <div className="space-y-3" aria-busy={page.isPlaceholderData}>
      {children(data)}
      {(state.hasPrevious || has_more) && (
        <nav aria-label="Pagination" className="flex justify-end gap-2">
          <Button size="sm" disabled={!state.hasPrevious} onClick={state.previous}>
            Previous
          </Button>
          <Button size="sm" disabled={!has_more || !last} onClick={() => last && state.next(last.id)}>
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
