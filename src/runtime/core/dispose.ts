// `await using` as Python's `async with`. esbuild lowers `await using x = v` to a stack of
// disposables and calls its `__callDispose` helper at the end of the block; we supply that helper.
// Our context managers implement AEXIT, which (like __aexit__) sees the error leaving the block,
// may replace it by throwing, or swallow it by returning true.
import { Coroutine } from "./coroutine.ts";
import { Future } from "./future.ts";

/** Python's __aexit__: called with the error leaving the block (undefined, false if none). */
export const AEXIT: unique symbol = Symbol("asyncio.__aexit__");

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
