// asyncio.Future (Lib/asyncio/futures.py): a placeholder for a result that is not ready yet.
// Completion never calls callbacks inline: each goes through loop.callSoon, as in CPython.
import { CancelledError, InvalidStateError } from "./errors.ts";
import { getRunningLoop, type EventLoop, type HandleInfo } from "./loop.ts";
import { pyRepr } from "./python-format.ts";
import type { WaitInfo } from "../trace/index.ts";

// The loop as the program sees it (asyncio/events.ts gives core's loops a public face): what
// Future.get_loop() gives, and back to core's loop when a program passes one (Future(loop=...)).
let publicLoop: (loop: EventLoop) => unknown = (loop) => loop;
let coreLoop: (loop: unknown) => EventLoop = (loop) => loop as EventLoop;

/** Set the public face of core's loops, and the way back from a face to its loop. */
export function setPublicLoop(face: (loop: EventLoop) => unknown, core: (loop: unknown) => EventLoop): void {
  publicLoop = face;
  coreLoop = core;
}

/** A future's state, named as CPython names them. */
export type FutureState = "PENDING" | "CANCELLED" | "FINISHED";

// Method syntax on purpose: a callback for Future<unknown> also serves a Future<T>. `arg`: what it
// is called with, the future itself unless given (a task's wake-up is called with the task).
interface DoneCallback<T> {
  fn(arg: Future<T> | any): void;
  info: HandleInfo;
  arg: unknown;
}

/** What a plain future waits on: one shared object (futures replace it, never change it). */
const A_FUTURE: WaitInfo = Object.freeze({ what: "future", label: "a future" });

// Future.flags' bits.
const HAS_EXCEPTION = 1;
const LOG_TRACEBACK = 2;

/** A future's fields that few futures need, apart: most futures (a sleep's, a task's) finish plainly
 * and are never cancelled. Three fields on every future (five on a task) were, with the result and
 * the exception in two fields and two booleans, ~0.65 MB of 10,000 tasks waiting on sleeps. */
export class FutureRare {
  cancelMessage: string | undefined = undefined;
  cancelledExc: CancelledError | null = null;
  createdLine: number | undefined = undefined;
}

/** A result that will be set later; awaiting it suspends the task until then. */
export class Future<T = unknown> {
  readonly loop: EventLoop;
  state: FutureState = "PENDING";
  /** What a task awaiting this future waits on, for the trace ("sleep(1)", "Task-2"). */
  waitInfo: WaitInfo = A_FUTURE;
  /** The result, or the exception when hasException (Future._result, Future._exception): only one
   * is ever set, so one field holds it. */
  protected outcome: unknown = undefined;
  /** hasException and logTraceback, as bits of one field (HAS_EXCEPTION, LOG_TRACEBACK). */
  private flags = 0;
  /** What few futures need (a cancellation's details, debug mode's line), made when first set. */
  protected rare: FutureRare | null = null;
  /** The first callback, kept in fields (_asynciomodule.c's fut_callback0 / fut_context0): most
   * futures (a sleep's) get one, or none. The others, in order, in a list made when needed. */
  private fn0: DoneCallback<T>["fn"] | null = null;
  private info0: HandleInfo | null = null;
  private arg0: unknown = undefined;
  private callbacks: DoneCallback<T>[] | null = null;
  /** The futures (tasks) that wait for this one (Future._asyncio_awaited_by), for the call graph:
   * one is kept without a set, as _asynciomodule.c does (fut_awaited_by_is_set). */
  private waiters: Future | Set<Future> | null = null;

  /** A pending future on `loop` (by default the running loop, as asyncio.Future() is). */
  constructor(loop: EventLoop = getRunningLoop()) {
    this.loop = coreLoop(loop);
    if (this.loop.debug) this.createdLine = this.loop.session.currentLine();
  }

  /** Whether it finished with an exception (rather than a result). */
  protected get hasException(): boolean {
    return (this.flags & HAS_EXCEPTION) !== 0;
  }

  /** An exception nobody asked for is reported when the run ends (__log_traceback). */
  get logTraceback(): boolean {
    return (this.flags & LOG_TRACEBACK) !== 0;
  }
  set logTraceback(value: boolean) {
    this.flags = value ? this.flags | LOG_TRACEBACK : this.flags & ~LOG_TRACEBACK;
  }

  // The rare fields read as undefined (or null) until first set; setting one to that makes nothing.
  /** The message given to cancel() (Future._cancel_message). */
  protected get cancelMessage(): string | undefined {
    return this.rare?.cancelMessage;
  }
  protected set cancelMessage(message: string | undefined) {
    if (message !== undefined || this.rare) this.rareFields().cancelMessage = message;
  }
  /** The exception that cancelled it, re-raised by result() (Task._cancelled_exc). */
  protected get cancelledExc(): CancelledError | null {
    return this.rare?.cancelledExc ?? null;
  }
  protected set cancelledExc(exc: CancelledError | null) {
    if (exc !== null || this.rare) this.rareFields().cancelledExc = exc;
  }
  /** In debug mode, the reader's line that made it (Future._source_traceback), shown by its repr. */
  protected get createdLine(): number | undefined {
    return this.rare?.createdLine;
  }
  protected set createdLine(line: number | undefined) {
    if (line !== undefined || this.rare) this.rareFields().createdLine = line;
  }

  /** Its rare fields, made now if they were not yet. */
  protected rareFields(): FutureRare {
    return (this.rare ??= this.newRare());
  }

  /** A new object for its rare fields: a subclass with rare fields of its own (Task) gives its kind. */
  protected newRare(): FutureRare {
    return new FutureRare();
  }

  /** fut.get_loop(): the loop the future belongs to, as the program sees it. */
  getLoop(): unknown {
    return publicLoop(this.loop);
  }

  /** Whether the future is finished or cancelled. */
  done(): boolean {
    return this.state !== "PENDING";
  }

  /** Whether the future was cancelled. */
  cancelled(): boolean {
    return this.state === "CANCELLED";
  }

  /** The result; re-raises the exception; CancelledError if cancelled; InvalidStateError if pending. */
  result(): T {
    if (this.state === "CANCELLED") throw this.makeCancelledError();
    if (this.state !== "FINISHED") throw new InvalidStateError("Result is not set.");
    this.logTraceback = false;
    if (this.hasException) throw this.outcome;
    return this.outcome as T;
  }

  /** The exception (undefined if none); CancelledError if cancelled; InvalidStateError if pending. */
  exception(): unknown {
    if (this.state === "CANCELLED") throw this.makeCancelledError();
    if (this.state !== "FINISHED") throw new InvalidStateError("Exception is not set.");
    this.logTraceback = false;
    return this.hasException ? this.outcome : undefined;
  }

  /** Mark the future done with a result and schedule its callbacks. */
  setResult(value: T): void {
    if (this.state !== "PENDING") throw new InvalidStateError("invalid state");
    this.outcome = value;
    this.state = "FINISHED";
    this.finished();
  }

  /** Mark the future done with an exception and schedule its callbacks. */
  setException(error: unknown): void {
    if (this.state !== "PENDING") throw new InvalidStateError("invalid state");
    this.outcome = error;
    this.flags = HAS_EXCEPTION | LOG_TRACEBACK;
    this.state = "FINISHED";
    this.finished();
  }

  /** Cancel the future; false if it was already done. */
  cancel(message?: string): boolean {
    this.logTraceback = false;
    if (this.state !== "PENDING") return false;
    this.state = "CANCELLED";
    this.cancelMessage = message;
    this.finished();
    return true;
  }

  /** Run `fn(this)` through the loop when the future is done (at once, via callSoon, if it is). */
  addDoneCallback(fn: (future: Future<T>) => void, info?: HandleInfo): void;
  /** Run `fn(arg)` instead: one function serves every task's wake-up, each called with its task. */
  addDoneCallback<A>(fn: (arg: A) => void, info: HandleInfo, arg: A): void;
  addDoneCallback(fn: (arg: any) => void, info: HandleInfo = { label: "future callback" }, arg: unknown = this): void {
    if (this.state !== "PENDING") this.loop.callSoon(fn, info, arg);
    else if (this.fn0 === null && this.callbacks === null) {
      this.fn0 = fn;
      this.info0 = info;
      this.arg0 = arg;
    }
    else (this.callbacks ??= []).push({ fn, info, arg });
  }

  /** Remove every registration of `fn`; returns how many were removed. */
  removeDoneCallback(fn: (future: Future<T>) => void): number {
    let removed = 0;
    if (this.fn0 === fn) {
      [this.fn0, this.info0, this.arg0, removed] = [null, null, undefined, 1];
    }
    if (!this.callbacks) return removed;
    const before = this.callbacks.length;
    this.callbacks = this.callbacks.filter((cb) => cb.fn !== fn);
    return removed + before - this.callbacks.length;
  }

  /** The CancelledError that result() raises for a cancelled future. */
  makeCancelledError(): CancelledError {
    if (this.cancelledExc) {
      const exc = this.cancelledExc;
      this.cancelledExc = null;
      return exc;
    }
    // cancel(None) is cancel() (Future._make_cancelled_error): null is Python's None here.
    return this.cancelMessage == null ? new CancelledError() : new CancelledError(this.cancelMessage);
  }

  /** The message given to cancel(), if any (gather reports it for cancelled children). */
  cancelMessageOf(): string | undefined {
    return this.cancelMessage;
  }

  toString(): string {
    const state = this.state === "PENDING" ? "pending" : this.state === "CANCELLED" ? "cancelled" : "finished";
    const outcome = this.state !== "FINISHED" ? "" : this.hasException ? ` exception=${pyRepr(this.outcome)}` : ` result=${pyRepr(this.outcome)}`;
    return `<Future ${state}${outcome}${this.createdAt()}>`;
  }

  /** " created at main.ts:N" in debug mode (base_futures._future_repr_info), else nothing. */
  protected createdAt(): string {
    return this.createdLine === undefined ? "" : ` created at main.ts:${this.createdLine}`;
  }

  /** Called once when the future becomes done, before its callbacks are scheduled. */
  protected onDone(): void {}

  // Future.__schedule_callbacks: every callback goes through the ready queue, in registration order.
  private finished(): void {
    this.onDone();
    const { fn0, info0, arg0, callbacks } = this;
    this.fn0 = this.info0 = this.callbacks = null;
    this.arg0 = undefined;
    if (fn0) this.loop.callSoon(fn0, info0!, arg0);
    if (callbacks) for (const { fn, info, arg } of callbacks) this.loop.callSoon(fn, info, arg);
  }

  /** The futures (tasks) that wait for this one, in the order they began to. */
  get awaitedBy(): ReadonlySet<Future> | null {
    return this.waiters instanceof Future ? new Set([this.waiters]) : this.waiters;
  }

  /** Record that `waiter` waits for this future. */
  addAwaitedBy(waiter: Future): void {
    if (this.waiters === null) this.waiters = waiter;
    else if (this.waiters instanceof Future) {
      if (this.waiters !== waiter) this.waiters = new Set([this.waiters, waiter]);
    } else this.waiters.add(waiter);
  }

  /** `waiter` no longer waits for this future. */
  discardAwaitedBy(waiter: Future): void {
    if (this.waiters === waiter) this.waiters = null;
    else if (this.waiters instanceof Set) this.waiters.delete(waiter);
  }
}

/** futures.future_add_to_awaited_by: record that `waiter` waits for `fut`. */
export function futureAddToAwaitedBy(fut: unknown, waiter: unknown): void {
  if (fut instanceof Future && waiter instanceof Future) fut.addAwaitedBy(waiter);
}

/** futures.future_discard_from_awaited_by: `waiter` no longer waits for `fut`. */
export function futureDiscardFromAwaitedBy(fut: unknown, waiter: unknown): void {
  if (fut instanceof Future && waiter instanceof Future) fut.discardAwaitedBy(waiter);
}
