// Bench and test instrumentation, absent from a normal run. Whoever wants to see every SQL query the app's clients
// run puts a listener here before a client is built: the bench's preload in its server (tools/bench/instrument.mjs)
// and the Vitest setup (test/support/setup-env.ts). A client reads it once, at construction; without one it asks
// Prisma for no query events at all, so production does no per-query work for it.

export type QueryObserver = (sql: string) => void;

// A global symbol, not module state: the preload and the bundled server each have their own copy of any module.
// tools/bench/instrument.mjs spells the same key.
const KEY = Symbol.for("merchant-console.db.queryObserver");

export function setQueryObserver(observer: QueryObserver | undefined): void {
  (globalThis as { [KEY]?: QueryObserver })[KEY] = observer;
}

export function queryObserver(): QueryObserver | undefined {
  return (globalThis as { [KEY]?: QueryObserver })[KEY];
}
