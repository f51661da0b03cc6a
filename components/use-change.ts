"use client";

import { QueryClientContext } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useContext, useRef, useState, useTransition } from "react";
import { useDashboard } from "./dashboard/dashboard-context";
import { queryKeys } from "./dashboard/query-keys";

interface Callbacks<TResult> {
  onSuccess?: (result: TResult) => void;
}

export interface Change<TInput, TResult> {
  mutate: (input: TInput, callbacks?: Callbacks<TResult>) => void;
  isPending: boolean;
  error: Error | null;
  reset: () => void;
}

/**
 * A change made from the dashboard (create, roll, revoke, rename…): runs it, then renders the page again on the
 * server (`router.refresh()`), which is how a server-rendered page (the API keys list, the applications list) shows
 * it, and marks the merchant's react-query data stale on a page that has react-query. The same shape as
 * react-query's `useMutation` (mutate, isPending, error, reset), so forms and dialogs take either; it needs no
 * react-query of its own, so a page without it does not load it.
 *
 * `isPending` stays true until the refreshed page has arrived, so a button is not enabled again over old rows.
 */
export function useChange<TInput, TResult>(
  run: (input: TInput) => Promise<TResult>,
  options: { onSuccess?: (result: TResult, input: TInput) => void } = {},
): Change<TInput, TResult> {
  const router = useRouter();
  const { merchantId } = useDashboard();
  // Present only under a QueryBoundary; reading the context does not need a client.
  const queryClient = useContext(QueryClientContext);
  const [running, setRunning] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [error, setError] = useState<Error | null>(null);
  // The latest call: a reset (or a newer call) makes an older call's outcome no longer shown.
  const call = useRef(0);

  function mutate(input: TInput, callbacks: Callbacks<TResult> = {}) {
    const id = ++call.current;
    setRunning(true);
    setError(null);
    run(input).then(
      (result) => {
        if (id !== call.current) return;
        setRunning(false);
        // The result is not kept: it can hold a secret (a created or rolled key), for the caller's onSuccess only.
        options.onSuccess?.(result, input);
        callbacks.onSuccess?.(result);
        void queryClient?.invalidateQueries({ queryKey: queryKeys.merchant(merchantId) });
        startRefresh(() => router.refresh());
      },
      (failure: unknown) => {
        if (id !== call.current) return;
        setRunning(false);
        setError(failure instanceof Error ? failure : new Error(String(failure)));
      },
    );
  }

  const reset = useCallback(() => {
    call.current++;
    setRunning(false);
    setError(null);
  }, []);

  return { mutate, isPending: running || refreshing, error, reset };
}
