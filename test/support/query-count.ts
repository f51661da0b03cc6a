import { setQueryObserver } from "@/lib/db/query-observer";

// The SQL queries this process's database clients run, for tests that prove a code path runs none. setup-env.ts
// installs the counter before lib/db builds its client. The count lives on globalThis, as the observer does, so a
// client built while an earlier test file of the same worker ran still counts into the number read here.
const KEY = Symbol.for("merchant-console.test.queryCount");
const counter = ((globalThis as { [KEY]?: { queries: number } })[KEY] ??= { queries: 0 });

export function countQueries(): void {
  setQueryObserver(() => {
    counter.queries += 1;
  });
}

/** Queries run so far: take the difference around the code under test. */
export function queryCount(): number {
  return counter.queries;
}
