// Async generators (`async function*`), as Python's. esbuild lowers one to a generator wrapped by
// its `__asyncGenerator` helper, where `await x` becomes `yield new __await(x)` and `yield* xs`
// goes through `__yieldStar`; we supply the three helpers. Each of next / throw / return gives a
// coroutine (Python's __anext__ / athrow / aclose), which steps the generator inline in the task
// that awaits it, awaiting on the loop what the body awaits.
import { Coroutine } from "./coroutine.ts";

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

  private resume(step: Step, payload: unknown, method: string): Coroutine<IteratorResult<T>> {
    const generator = this.generator;
    return new Coroutine(function* () {
      let [kind, value] = [step, payload];
      for (;;) {
        const result = generator[kind](value);
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
