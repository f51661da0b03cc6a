export type MaybePromise<T> = T | Promise<T>;

/**
 * `next(value)`, through a promise only when `value` is one. The hot path (a cached key, a handler that answers
 * synchronously) then runs without a single promise: under Next.js each one also runs AsyncLocalStorage's hooks.
 */
export function andThen<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** `run()`, with whatever it throws or rejects with handed to `recover`. */
export function settle<R>(run: () => MaybePromise<R>, recover: (error: unknown) => MaybePromise<R>): MaybePromise<R> {
  try {
    const result = run();
    return result instanceof Promise ? result.catch(recover) : result;
  } catch (error) {
    return recover(error);
  }
}
