// `await using` as Python's `async with`. esbuild lowers `await using x = v` to a stack of
// disposables and calls its `__callDispose` helper at the end of the block; we supply that helper.
// Our context managers implement AEXIT, which (like __aexit__) sees the error leaving the block,
// may replace it by throwing, or swallow it by returning true.
import { Coroutine } from "./coroutine.ts";
import { Future } from "./future.ts";

/** Python's __aexit__: called with the error leaving the block (undefined, false if none). */
export const AEXIT: unique symbol = Symbol("asyncio.__aexit__");

/** Python's __aenter__ / __enter__, where entering never waits (a TaskGroup, a timeout): called
 * when `await using x = value` (or `using`) takes the value, so making a context manager and
 * entering it are two steps, as in Python. */
export const ENTER: unique symbol = Symbol("__enter__");

/** Python's __exit__, for `using` (a plain `with`): called with the error leaving the block. */
export const EXIT: unique symbol = Symbol("__exit__");

/** A context manager for `using`: sees the error leaving the block; returning true swallows it. */
export interface ContextManager {
  [EXIT](error: unknown, hasError: boolean): boolean | void;
}

/** The well-known symbol `await using` looks for (esbuild falls back to Symbol.for when missing). */
export const ASYNC_DISPOSE: symbol = (Symbol as { asyncDispose?: symbol }).asyncDispose ?? Symbol.for("Symbol.asyncDispose");

/** An async context manager: usable as `await using _ = manager`. */
export interface AsyncContextManager {
  [AEXIT](error: unknown, hasError: boolean): Coroutine<boolean | void>;
}

/** Give a class the methods `await using` needs, all leading to its AEXIT. */
export function makeAsyncDisposable(target: { prototype: AsyncContextManager }): void {
  Object.defineProperty(target.prototype, ASYNC_DISPOSE, {
    value(this: AsyncContextManager) {
      return this[AEXIT](undefined, false);
    },
  });
}

/** Our `__using(stack, value, isAsync)`: esbuild's, which records how to dispose of `value`, and
 * first enters it if it has an ENTER. */
export function using(stack: DisposeEntry[], value: unknown, isAsync: boolean): unknown {
  if (value === null || value === undefined) {
    if (isAsync) stack.push([isAsync]);
    return value;
  }
  if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected");
  const disposable = value as Record<symbol, ((this: unknown) => unknown) | undefined>;
  let dispose = isAsync ? disposable[ASYNC_DISPOSE] : undefined;
  if (dispose === undefined) dispose = disposable[(Symbol as { dispose?: symbol }).dispose ?? Symbol.for("Symbol.dispose")];
  if (typeof dispose !== "function" && !(AEXIT in disposable) && !(EXIT in disposable)) throw new TypeError("Object not disposable");
  if (ENTER in disposable) (disposable as unknown as { [ENTER](): void })[ENTER]();
  stack.push([isAsync, dispose, value]);
  return value;
}

type DisposeEntry = [isAsync: boolean, dispose?: (this: unknown) => unknown, value?: unknown];

/** Our `__callDispose(stack, error, hasError)`: exit each resource, last in first out. */
export function callDispose(stack: DisposeEntry[], error: unknown, hasError: boolean): Coroutine | undefined {
  const exit = function* (): Generator<unknown, void, unknown> {
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      const [isAsync, dispose, value] = entry;
      try {
        if (value && typeof value === "object" && AEXIT in value) {
          const swallowed = yield (value as AsyncContextManager)[AEXIT](hasError ? error : undefined, hasError);
          if (swallowed === true) [error, hasError] = [undefined, false];
        } else if (!isAsync && value && typeof value === "object" && EXIT in value) {
          if ((value as ContextManager)[EXIT](hasError ? error : undefined, hasError) === true) [error, hasError] = [undefined, false];
        } else if (dispose) {
          const result = dispose.call(value);
          if (isAsync && (result instanceof Coroutine || result instanceof Future)) yield result;
        }
      } catch (raised) {
        // As in Python, an exception raised while exiting replaces the one that was leaving.
        [error, hasError] = [raised, true];
      }
    }
    if (hasError) throw error;
  };
  if (stack.some(([isAsync]) => isAsync)) return new Coroutine(exit, "__aexit__");
  // A plain `using` block: nothing to await, so dispose right here.
  const sync = exit();
  for (let step = sync.next(); !step.done; step = sync.next()) {
    /* synchronous disposables never yield */
  }
  return undefined;
}
