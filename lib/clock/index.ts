/**
 * The time in epoch milliseconds, read from the monotonic clock that `performance` keeps. The request path reads the
 * clock several times (key cache TTL, rate-limit window, usage, access log): under Next.js every `Date.now()` and
 * `new Date()` also asks two AsyncLocalStorages whether a prerender is watching the clock, which `performance`
 * skips. A monotonic clock is also what windows and TTLs should use: a wall-clock step cannot stretch them.
 */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
