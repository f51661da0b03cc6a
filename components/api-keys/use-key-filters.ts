"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { FILTER_NAMES, keyFilterParams, type KeyFilterParams } from "./key-filters";

/**
 * The keys list's filters, kept in the URL so a reload or a shared link shows the same page. A change replaces the
 * history entry and the server renders the list for it; `pending` is true until it has arrived. A filter change goes
 * back to the first page; the cursors of the pages before this one are kept to go back.
 */
export function useKeyFilters() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const params = keyFilterParams((name) => searchParams.get(name));
  const [earlier, setEarlier] = useState<string[]>([]);

  function write(next: KeyFilterParams) {
    const query = new URLSearchParams();
    for (const name of FILTER_NAMES) if (next[name]) query.set(name, next[name]);
    const search = query.toString();
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  }

  return {
    params,
    /** Sets one filter and returns to the first page. */
    set(name: Exclude<keyof KeyFilterParams, "after">, value: string) {
      setEarlier([]);
      write({ ...params, [name]: value, after: "" });
    },
    clear() {
      setEarlier([]);
      write({ q: "", status: "", application: "", after: "" });
    },
    next(lastId: string) {
      setEarlier((list) => [...list, params.after]);
      write({ ...params, after: lastId });
    },
    previous() {
      setEarlier((list) => list.slice(0, -1));
      write({ ...params, after: earlier.at(-1) ?? "" });
    },
    hasPrevious: params.after !== "",
    pending,
    filtered: Boolean(params.q.trim() || params.status || params.application),
  };
}
