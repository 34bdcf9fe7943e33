// The loop runs synchronously until it must wait for something real (a worker, a fetch); only then
// does it return a promise. These helpers chain work over "a value, or a promise of one".

/** A value now, or a promise of it when real waiting was needed. */
export type MaybePromise<T> = T | Promise<T>;

/** Whether a value is a thenable (a native promise or anything with a `then` method). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === "object" || typeof value === "function") && typeof (value as { then?: unknown }).then === "function";
}

/** Run `next` with the value of `first`, synchronously when `first` is not a promise. */
export function andThen<T, U>(first: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return first instanceof Promise ? first.then(next) : next(first);
}

/** Run `body`, then `cleanup` however it ends, synchronously when `body` does not return a promise. */
export function withCleanup<T>(body: () => MaybePromise<T>, cleanup: () => void): MaybePromise<T> {
  let result: MaybePromise<T>;
  try {
    result = body();
  } catch (error) {
    cleanup();
    throw error;
  }
  if (result instanceof Promise) return result.finally(cleanup);
  cleanup();
  return result;
}
