// Async generators (`async function*`), as Python's. esbuild lowers one to a generator wrapped by
// its `__asyncGenerator` helper, where `await x` becomes `yield new __await(x)` and `yield* xs`
// goes through `__yieldStar`; we supply the three helpers. Each of next / throw / return gives a
// coroutine (Python's __anext__ / athrow / aclose), which steps the generator inline in the task
// that awaits it, awaiting on the loop what the body awaits.
import { Coroutine } from "./coroutine.ts";
import { _getRunningLoop, type EventLoop } from "./loop.ts";

// BaseEventLoop._asyncgens: the generators each loop has begun to iterate and that are not done,
// for loop.shutdown_asyncgens() to close at the end of run().
const iterated = new WeakMap<EventLoop, Set<AsyncGenerator>>();

/** loop.shutdown_asyncgens()'s list: the loop's async generators still suspended, taken off it. */
export function takeAsyncGenerators(loop: EventLoop): AsyncGenerator[] {
  const agens = [...(iterated.get(loop) ?? [])];
  iterated.delete(loop);
  return agens;
}

/** The finalizer hook's first step: the generator is no longer the loop's to close at the end. */
export function forgetAsyncGenerator(agen: AsyncGenerator): void {
  for (const loop of [_getRunningLoop()]) if (loop) iterated.get(loop)?.delete(agen);
}

/** Our `__await`: marks what the body awaits (esbuild's `new __await(x, isYieldStar)`). */
export class Await {
  readonly 0: unknown;
  readonly 1: boolean;
  constructor(awaited: unknown, isYieldStar?: unknown) {
    this[0] = awaited;
    this[1] = Boolean(isYieldStar);
  }
}

type Step = "next" | "throw" | "return";

/** An async generator object: `for await (const x of gen())`, or `await gen.next()`. */
export class AsyncGenerator<T = unknown> {
  readonly name: string;
  private readonly generator: Generator<unknown, unknown, unknown>;
  private hooked = false;
  private finished = false;

  constructor(generator: Generator<unknown, unknown, unknown>, name: string) {
    this.generator = generator;
    this.name = name;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** agen.__anext__() / asend(value): run to the next yield; gives { value, done }. */
  next(value?: unknown): Coroutine<IteratorResult<T>> {
    return this.resume("next", value, "__anext__");
  }

  /** agen.athrow(error): raise `error` where the generator is suspended. */
  throw(error: unknown): Coroutine<IteratorResult<T>> {
    return this.resume("throw", error, "athrow");
  }

  /** agen.aclose(): finish the generator (its finally blocks run, awaiting what they await). */
  return(value?: unknown): Coroutine<IteratorResult<T>> {
    return this.resume("return", value, "aclose");
  }

  /** Python's names: asend, athrow, aclose. */
  asend(value: unknown): Coroutine<IteratorResult<T>> {
    return this.next(value);
  }
  athrow(error: unknown): Coroutine<IteratorResult<T>> {
    return this.throw(error);
  }
  aclose(): Coroutine<IteratorResult<T>> {
    return this.return();
  }

  toString(): string {
    return `<async_generator object ${this.name}>`;
  }

  // BaseEventLoop._asyncgen_firstiter_hook: the first use puts the generator on the loop's list.
  private firstIter(): void {
    if (this.hooked) return;
    this.hooked = true;
    const loop = _getRunningLoop();
    if (!loop || this.finished) return;
    let agens = iterated.get(loop);
    if (!agens) iterated.set(loop, (agens = new Set()));
    agens.add(this);
  }

  // Exhausted or closed: nothing is left for shutdown_asyncgens to close.
  private finish(): void {
    this.finished = true;
    forgetAsyncGenerator(this);
  }

  private resume(step: Step, payload: unknown, method: string): Coroutine<IteratorResult<T>> {
    const generator = this.generator;
    const agen = this;
    return new Coroutine(function* () {
      agen.firstIter();
      let [kind, value] = [step, payload];
      for (;;) {
        let result: IteratorResult<unknown, unknown>;
        try {
          result = generator[kind](value);
        } catch (error) {
          agen.finish();
          throw error;
        }
        if (result.done) agen.finish();
        if (!(result.value instanceof Await)) return { value: result.value as T, done: Boolean(result.done) } as IteratorResult<T>;
        const [awaited, isYieldStar] = [result.value[0], result.value[1]];
        try {
          const got = yield awaited;
          // A plain await resumes the body; a `yield*` being returned goes on returning (esbuild's rule).
          kind = isYieldStar && kind === "return" ? "return" : "next";
          value = isYieldStar ? { done: (got as IteratorResult<unknown>).done, value: (got as IteratorResult<unknown>).value } : got;
        } catch (error) {
          [kind, value] = ["throw", error];
        }
      }
    }, `${this.name}.${method}`);
  }
}

/** Our `__asyncGenerator(this, args, body)`: calling an async generator function makes one. */
export function asyncGenerator(thisArg: unknown, args: ArrayLike<unknown> | null, body: (...a: unknown[]) => Generator, _site?: number, name = "anonymous"): AsyncGenerator {
  return new AsyncGenerator(body.apply(thisArg, args ? Array.from(args) : []), name);
}

/** Our `__yieldStar(xs)`: `yield* xs` in an async generator, over an async or a plain iterable
 * (esbuild's protocol: every other step asks the driver to await the inner next()). */
export function yieldStar(iterable: unknown): Iterator<unknown> & { [Symbol.iterator](): unknown } {
  const source = iterable as Record<symbol, (() => unknown) | undefined>;
  const asyncIterator = source[Symbol.asyncIterator];
  const it: Record<string | symbol, unknown> = {};
  if (typeof asyncIterator !== "function") {
    const inner = (source[Symbol.iterator] as () => Record<string, (x: unknown) => unknown>).call(iterable);
    for (const k of ["next", "throw", "return"]) if (k in inner) it[k] = (x: unknown) => inner[k](x);
  } else {
    const inner = asyncIterator.call(iterable) as Record<string, (x: unknown) => unknown>;
    let isAwait = false;
    const method = (k: Step) =>
      (it[k] = (v: unknown) => {
        if (isAwait) {
          isAwait = false;
          if (k === "throw") throw v;
          return v;
        }
        isAwait = true;
        return { done: false, value: new Await(inner[k](v), true) };
      });
    method("next");
    if ("throw" in inner) method("throw");
    else
      it.throw = (x: unknown) => {
        throw x;
      };
    if ("return" in inner) method("return");
  }
  it[Symbol.iterator] = () => it;
  return it as unknown as Iterator<unknown> & { [Symbol.iterator](): unknown };
}
