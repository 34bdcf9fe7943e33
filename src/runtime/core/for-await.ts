// `for await (const x of xs)`, as Python's `async for`. esbuild lowers it to a loop that awaits
// `iter.next()` through its `__forAwait` helper; we supply that helper. An async iterable of ours
// (asCompleted, an async generator) gives coroutines from next(); a plain iterable's values are
// awaited one by one when they are awaitable, as JavaScript does.
import { Coroutine } from "./coroutine.ts";
import { Future } from "./future.ts";
import { isThenable } from "./maybe-async.ts";

interface AsyncIteratorLike {
  next(value?: unknown): unknown;
  return?(value?: unknown): unknown;
}

/** Our `__forAwait(obj)`: the async iterator of `obj`, or one over its plain iterator. */
export function forAwait(obj: unknown): AsyncIteratorLike {
  const source = obj as Record<symbol, (() => unknown) | undefined>;
  const asyncIterator = source?.[Symbol.asyncIterator];
  if (typeof asyncIterator === "function") return asyncIterator.call(obj) as AsyncIteratorLike;
  const iterator = source?.[Symbol.iterator];
  if (typeof iterator !== "function") throw new TypeError(`'${obj === null || obj === undefined ? "NoneType" : typeof obj}' object is not iterable`);
  const plain = iterator.call(obj) as Iterator<unknown>;
  const step = (method: "next" | "return", arg?: unknown) =>
    new Coroutine(function* () {
      const result = method === "next" ? plain.next(arg) : plain.return!(arg);
      const value = result.value instanceof Coroutine || result.value instanceof Future || isThenable(result.value) ? yield result.value : result.value;
      return { value, done: result.done };
    }, "__anext__");
  return { next: (arg) => step("next", arg), return: plain.return ? (arg) => step("return", arg) : undefined };
}
