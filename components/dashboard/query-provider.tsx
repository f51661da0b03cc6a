"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
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

/** react-query for the dashboard: one client per browser tab (and per server render). */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
