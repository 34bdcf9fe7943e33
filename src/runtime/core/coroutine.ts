// Lazy coroutines, as Python has them. Calling a (compiled) async function makes a Coroutine and
// runs nothing; a task steps it. `await coro` inside it runs `coro` inline: its generator is pushed
// on this coroutine's stack, as Python's `yield from` chain delegates, so no loop pass is spent.
import { Future } from "./future.ts";
import { RecursionError, RuntimeError } from "./errors.ts";
import { isThenable } from "./maybe-async.ts";
import { getRunningLoop } from "./loop.ts";
import { currentSession, type Session } from "./session.ts";

/** How deep `await coro` may nest inline: Python's default recursion limit (sys.getrecursionlimit()). */
export const RECURSION_LIMIT = 1000;

/** What `sleep(0)` yields: give the loop one pass, then continue (a bare `yield` in asyncio). */
export const BARE_YIELD: unique symbol = Symbol("yield to the loop");

// %GeneratorPrototype%'s next and throw, called on a native generator directly: every call of an async
// function makes a generator function of its own, and each one's generators have a map (hidden class)
// of their own, so `gen.next` on 10,000 tasks' generators was a megamorphic lookup at every step.
const generatorPrototype: Generator = Object.getPrototypeOf(function* () {}).prototype;
const generatorNext = generatorPrototype.next;
const generatorThrow = generatorPrototype.throw;

/** One frame of a coroutine's stack: the async function's name, the site it stands at, and whether
 * it is the reader's code (the runtime's own coroutines, such as sleep, have no line). */
export interface CoroutineFrame {
  name: string;
  site: number;
  user: boolean;
}

/** One step's outcome: finished with a value, or suspended on a future (or a bare yield: null). */
export type StepResult = { done: true; value: unknown } | { done: false; waitOn: Future | null };

/** What Coroutine.advance gives when the coroutine has returned (its value is in `returned`). */
export const RETURNED: unique symbol = Symbol("coroutine returned");

// Coroutine.phase: not begun; begun (its body started, by its own first step or by a coroutine that
// awaits it inline); stepped itself (by a task, send or throw), or closed.
const NEW = 0;
const CLAIMED = 1;
const STEPPED = 2;

/** A coroutine object: made by calling an async function, run by awaiting it or by a task. */
export class Coroutine<T = unknown> {
  /** The async function's name, as Python shows it: <coroutine object fetchData>. */
  readonly name: string;
  /** Site id of the async function, for the reader's line where its body starts. */
  readonly site: number;
  private readonly session: Session;
  /** Whether it has begun (NEW, CLAIMED, STEPPED): one field where two booleans took two. */
  private phase = NEW;
  /** Of a coroutine stepped by a task (or by send/throw): the innermost coroutine of its chain, the
   * one that runs now: itself, or one it awaits inline (Python's cr_await chain, followed from the
   * other end). Each runs its own generator and stands at its own site, and each links to the one
   * that awaits it (`outer`), so an await pushes no object of its own. Null before the first step
   * (phase STEPPED tells) and once the chain has ended. */
  private innermost: Coroutine | null = null;
  /** How many coroutines the chain holds (for the recursion limit). */
  private depth = 0;
  /** The coroutine that awaits this one inline, while this one runs (the next frame out). */
  private outer: Coroutine | null = null;
  /** Its generator (cr_frame): given made (a call of the reader's async function), or made when it
   * starts by its body, a generator function, which this field holds until then (one field for the
   * two, as the body serves only to make the generator). Null for a coroutine that steps itself
   * (resumeBody), as sleep's does, and once it has ended. */
  private gen: Generator<unknown, unknown, unknown> | (() => Generator<unknown, unknown, unknown>) | null;
  /** Where it stands, as a frame of a stack: its last site passed while it was innermost. */
  private standsAt: number;
  /** The future this coroutine suspended on: resuming gives its result (Future.__await__). */
  private waitingOn: Future | null = null;
  /** What it returned, once advance() (or resumeBody) has given RETURNED. */
  returned: unknown = undefined;

  /** A coroutine object of the running program (`session`) that runs `body` when awaited or stepped
   * (null: a subclass's resumeBody is the body, or `made` is the generator, made already). */
  constructor(body: (() => Generator<unknown, T, unknown>) | null, name: string, site = -1, session: Session = currentSession(), made: Generator<unknown, T, unknown> | null = null) {
    this.session = session;
    this.gen = made ?? body;
    this.name = name;
    this.site = site;
    this.standsAt = site;
    session.coroutineMade(this);
  }

  /** Whether the body has begun (or been handed to another coroutine to run). */
  get started(): boolean {
    return this.phase !== NEW;
  }

  /** coro.send(value): resume until the next real suspension or the end. */
  send(value: unknown): StepResult {
    return this.stepResult(this.advance(false, value));
  }

  /** coro.throw(error): raise `error` at the await point where the coroutine waits. */
  throw(error: unknown): StepResult {
    return this.stepResult(this.advance(true, error));
  }

  private stepResult(outcome: Future | null | typeof RETURNED): StepResult {
    return outcome === RETURNED ? { done: true, value: this.returned } : { done: false, waitOn: outcome };
  }

  /** Await a coroutine from JavaScript's promise machinery: always a mistake here, so say why. */
  then(): never {
    throw new RuntimeError(
      `coroutine '${this.name}' was used as a JavaScript promise. Playground coroutines run on the asyncio loop: ` +
        `await it inside an async function, wrap it with createTask(...), or combine several with gather([...]) instead of Promise.all.`,
    );
  }

  toString(): string {
    return `<coroutine object ${this.name}>`;
  }

  /** coro.close() of a coroutine not started yet (the only case the runtime needs): it never runs,
   *  and no "never awaited" warning is written for it; awaiting it later is an error, as in Python. */
  close(): void {
    if (this.phase !== NEW) return;
    this.phase = STEPPED;
    this.session.coroutineStarted(this);
  }

  // Start the body's generator, once: awaiting a coroutine twice is an error, as in Python.
  private start(): void {
    if (this.phase !== NEW) throw new RuntimeError("cannot reuse already awaited coroutine");
    this.phase = CLAIMED;
    this.session.coroutineStarted(this);
    if (typeof this.gen === "function") this.gen = this.gen();
  }

  /** Run the body on to its next yield: send (or, if `throwing`, throw) `payload` into it; gives
   * what it yields, or RETURNED with its return value in `returned` (a raise goes through). A
   * subclass with no generator (sleep's) steps its body here itself. */
  protected resumeBody(throwing: boolean, payload: unknown): unknown {
    const gen = this.gen as Generator<unknown, unknown, unknown>;
    const step = throwing ? generatorThrow.call(gen, payload) : generatorNext.call(gen, payload);
    if (!step.done) return step.value;
    this.returned = step.value;
    return RETURNED;
  }

  /** send (or, if `throwing`, throw) `payload` in and run until the next real suspension: the
   * future it now waits on, null for a bare yield, or RETURNED (the value in `returned`). Task.step
   * calls this rather than send: a task steps its coroutine on every resumption, and a StepResult
   * object per step was a share of the garbage collector's work. */
  advance(throwing: boolean, payload: unknown): Future | null | typeof RETURNED {
    if (this.phase !== STEPPED) {
      this.start();
      this.phase = STEPPED;
      this.innermost = this;
      this.depth = 1;
    }
    if (this.innermost === null) throw new RuntimeError("cannot reuse already awaited coroutine");
    const waited = this.waitingOn;
    this.waitingOn = null;
    if (waited && !throwing) {
      try {
        payload = waited.result();
      } catch (error) {
        [throwing, payload] = [true, error];
      }
    }
    for (;;) {
      const top: Coroutine = this.innermost!;
      let awaited: unknown;
      try {
        awaited = top.resumeBody(throwing, payload);
      } catch (error) {
        this.leave(top);
        if (this.innermost === null) throw error;
        [throwing, payload] = [true, error];
        continue;
      }
      if (awaited === RETURNED) {
        this.leave(top);
        // The outermost keeps what it returned (in `returned`) for its task; one awaited inline gives it on.
        if (this.innermost === null) return RETURNED;
        throwing = false;
        payload = top.returned;
        top.returned = undefined;
        continue;
      }
      if (awaited instanceof Coroutine) {
        // `await coro`: run it inline, in this task, now (a frame more, as in Python).
        try {
          if (this.depth >= RECURSION_LIMIT) throw new RecursionError("maximum recursion depth exceeded");
          awaited.start();
          this.markSite();
          awaited.outer = top;
          this.innermost = awaited;
          this.depth++;
          throwing = false;
          payload = undefined;
        } catch (error) {
          this.session.noteRaised(error);
          [throwing, payload] = [true, error];
        }
        continue;
      }
      if (awaited instanceof Future) {
        // Future.__await__: a done future gives its result without suspending. JavaScript's await
        // always gives the other tasks a turn first: under the eager model, so does this one.
        if (!awaited.done()) {
          this.markSite();
          this.waitingOn = awaited;
          return awaited;
        }
        if (this.session.eager) {
          this.waitingOn = awaited;
          return null;
        }
        try {
          payload = awaited.result();
          throwing = false;
        } catch (error) {
          [throwing, payload] = [true, error];
        }
        continue;
      }
      if (awaited === BARE_YIELD) {
        this.markSite();
        return null;
      }
      if (isThenable(awaited)) {
        this.markSite();
        this.waitingOn = this.wrapPromise(awaited);
        return this.waitingOn;
      }
      payload = new TypeError(`'${typeName(awaited)}' object can't be awaited`);
      this.session.noteRaised(payload);
      throwing = true;
    }
  }

  /** The frames of this coroutine and of what it awaits inline, outermost first, each with the site
   * where it stands (Python's cr_await chain); if `running`, the innermost is where the program is now. */
  frames(running = false): readonly CoroutineFrame[] {
    const frames: CoroutineFrame[] = [];
    for (let c = this.innermost; c; c = c.outer) frames.unshift({ name: c.name, site: c.standsAt, user: c.site >= 0 });
    const top = frames[frames.length - 1];
    if (running && top?.user) top.site = this.session.site;
    return frames;
  }

  // The innermost frame of the reader's code stands where the program is now.
  private markSite(): void {
    const top = this.innermost!;
    if (top.site >= 0) top.standsAt = this.session.site;
  }

  // The innermost coroutine `top` has ended (returned or raised): the one that awaited it runs again.
  private leave(top: Coroutine): void {
    top.gen = null;
    this.innermost = top.outer;
    top.outer = null;
    this.depth--;
  }

  // A native promise is real I/O: the loop waits for it in real time and wakes us when it settles.
  private wrapPromise(promise: PromiseLike<unknown>): Future {
    const loop = getRunningLoop();
    const future = new Future(loop);
    future.waitInfo = { what: "io", label: "a JavaScript promise" };
    const site = this.session.site;
    loop.watchIo(
      promise,
      (ok, value) => {
        if (future.done()) return;
        // A rejection from JavaScript's promise machinery (e.g. our then() guard) has no line of the
        // reader's on its stack: it belongs to the await that waited for it.
        if (!ok) this.session.noteRaised(value, site);
        if (ok) future.setResult(value);
        else future.setException(value);
      },
      { label: "promise settled" },
    );
    return future;
  }
}

// The name Python's type(value).__name__ would give the value's Python counterpart.
function typeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null ? "dict" : ((value as object).constructor?.name ?? "object");
  }
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return typeof value === "string" ? "str" : typeof value === "boolean" ? "bool" : typeof value;
}
