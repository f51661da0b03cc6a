"use client";

import { HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { MerchantConsoleError } from "../api";

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx will not change on retry (signed out, forbidden, not found); other failures get one more try.
        retry: (failureCount, error) =>
          !(error instanceof MerchantConsoleError && error.status < 500) && failureCount < 1,
      },
    },
  });
}

// One client per browser tab, kept across pages (each page mounts its own boundary), and one per server render:
// TanStack Query's advice for the App Router.
let browserClient: QueryClient | undefined;
function queryClient() {
  if (typeof window === "undefined") return createQueryClient();
  return (browserClient ??= createQueryClient());
}

/**
 * react-query for a page that reads or changes data in the browser: the client, and the page's server-read first
 * page (`state`, from `dehydrate`) put into it. It is not in the dashboard's layout, so a page rendered on the server
 * alone (the home page, the API keys list) does not load react-query at all.
 */
export function QueryBoundary({ state, children }: { state?: DehydratedState; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient()}>
      {state ? <HydrationBoundary state={state}>{children}</HydrationBoundary> : children}
    </QueryClientProvider>
  );
}
