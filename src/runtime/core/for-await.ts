// `for await (const x of xs)`, as Python's `async for`. esbuild lowers it to a loop that awaits
// `iter.next()` through its `__forAwait` helper; we supply that helper. An async iterable of ours
// (asCompleted, an async generator) gives coroutines from next(); a plain iterable's values are
// awaited one by one when they are awaitable, as JavaScript does.
import { AsyncGenerator, forgetAsyncGenerator } from "./async-generator.ts";
import { Coroutine } from "./coroutine.ts";
import { Future } from "./future.ts";
import { getRunningLoop } from "./loop.ts";
import { isThenable } from "./maybe-async.ts";
import { currentSession } from "./session.ts";
import { Task } from "./task.ts";

interface AsyncIteratorLike {
  next(value?: unknown): unknown;
  return?(value?: unknown): unknown;
}

/** Our `__forAwait(obj)`: the async iterator of `obj`, or one over its plain iterator. */
export function forAwait(obj: unknown): AsyncIteratorLike {
  const source = obj as Record<symbol, (() => unknown) | undefined>;
  const asyncIterator = source?.[Symbol.asyncIterator];
  if (typeof asyncIterator === "function") {
    const it = asyncIterator.call(obj) as AsyncIteratorLike;
    // Leaving the loop early drops the generator; Python closes it later, JavaScript at once.
    if (it instanceof AsyncGenerator && !currentSession().eager) return { next: (arg) => it.next(arg), return: () => closeLater(it) };
    return it;
  }
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

// BaseEventLoop._asyncgen_finalizer_hook: a dropped async generator is closed by a task of its own,
// created through call_soon_threadsafe, so its finally blocks run a few passes later.
function closeLater(agen: AsyncGenerator): Coroutine<IteratorResult<unknown>> {
  const loop = getRunningLoop();
  forgetAsyncGenerator(agen);
  const closing = agen.aclose();
  loop.callSoon(() => void new Task(closing, { loop }), { label: "_asyncgen_finalizer_hook", threadsafe: true });
  return new Coroutine(function* () {
    return { value: undefined, done: true };
  }, "__aexit__");
}
