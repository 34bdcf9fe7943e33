// The event loop, mirroring CPython's BaseEventLoop (Lib/asyncio/base_events.py): a FIFO ready
// queue of callbacks, a heap of timers, and `runOnce`, whose phases follow `_run_once` line by line.
// Time is the session's virtual clock: where CPython's selector would sleep, the clock jumps.
import { heapify, heappop, heappush, type HeapItem, type Less } from "./heapq.ts";
import { Deadlock, RuntimeError, LimitExceeded, describeChain } from "./errors.ts";
import { pyFixed, pyFloat } from "./python-format.ts";
import { withCleanup, type MaybePromise } from "./maybe-async.ts";
import type { Session } from "./session.ts";

// CPython's events._running_loop: the loop whose pass runs now on this JavaScript thread. Set around
// each pass, so the primitives find their loop as CPython's do (get_running_loop, _LoopBoundMixin).
let running: EventLoop | null = null;

/** asyncio.events._get_running_loop(): the loop running now, or null. */
export function _getRunningLoop(): EventLoop | null {
  return running;
}

/** asyncio.get_running_loop(): the loop running now; RuntimeError outside one. */
export function getRunningLoop(): EventLoop {
  if (!running) throw new RuntimeError("no running event loop");
  return running;
}

/** What a callback is, for the trace: "step" callbacks run a task. */
export interface HandleInfo {
  /** What it does ("stop the loop"); with `ofTask`, the words before its task's name. */
  label: string;
  role?: "step" | "callback";
  task?: number;
  /** Its label goes on with the name of its task ("wake" → "wake Task-7"), which the trace puts
   *  back when read: so one HandleInfo serves every task, and neither the scheduler nor the trace
   *  keeps a string per task and handle (10,000 tasks × 10 sleeps: ~3 MB). Its task: a step's is its
   *  argument, the task it steps; another's is the task running when it is queued. */
  ofTask?: boolean;
  /** Queued from another thread (call_soon_threadsafe): it also writes to the loop's self-pipe. */
  threadsafe?: boolean;
  /** The callback as asyncio's Handle repr shows it ("tick()"), for a program's own callbacks. */
  callback?: string;
}

// Constants of base_events.py.
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
/** time.get_clock_info('monotonic').resolution on Linux: timers this close to now fire together. */
const CLOCK_RESOLUTION = 1e-9;

/** A callback waiting in the ready queue (asyncio.Handle): run as `callback(arg)`. The argument
 * (Handle._args, one here) spares the hot paths a closure per callback: a future passes itself. */
export class Handle<A = any> {
  readonly id: number;
  readonly callback: (arg: A) => void;
  readonly arg: A;
  readonly info: HandleInfo;
  /** The task its label names (HandleInfo.ofTask), if it names one. */
  readonly task: LoopTask | null;
  cancelled = false;
  constructor(id: number, callback: (arg: A) => void, info: HandleInfo, arg: A, task: LoopTask | null) {
    this.id = id;
    this.callback = callback;
    this.info = info;
    this.arg = arg;
    this.task = task;
  }
  /** Its label, whole. */
  get label(): string {
    return this.task ? `${this.info.label} ${this.task.name}` : this.info.label;
  }
  /** Handle.cancel: the callback will be skipped when its turn comes. */
  cancel(): void {
    this.cancelled = true;
  }
  /** repr(handle), as Handle._repr_info gives it, without places: CPython's names the callback's
   * file and line and, in debug mode, where call_soon was called, which a method call on the loop
   * does not tell the runtime. */
  toString(): string {
    return `<${this.reprInfo().join(" ")}>`;
  }
  protected reprInfo(): string[] {
    const info = ["Handle"];
    if (this.cancelled) info.push("cancelled");
    info.push(this.info.callback ?? this.label);
    return info;
  }
}

/** A callback due at a virtual time (asyncio.TimerHandle). */
export class TimerHandle<A = any> extends Handle<A> implements HeapItem {
  readonly when: number;
  /** Still in the loop's heap (TimerHandle._scheduled). */
  scheduled = true;
  private readonly loop: EventLoop;
  constructor(id: number, callback: (arg: A) => void, info: HandleInfo, arg: A, task: LoopTask | null, when: number, loop: EventLoop) {
    super(id, callback, info, arg, task);
    this.when = when;
    this.loop = loop;
  }
  override cancel(): void {
    if (this.cancelled) return;
    this.loop.timerHandleCancelled(this);
    super.cancel();
  }
  protected override reprInfo(): string[] {
    const info = super.reprInfo();
    info[0] = "TimerHandle";
    info.splice(this.cancelled ? 2 : 1, 0, `when=${pyFloat(this.when)}`);
    return info;
  }
}

// How the loop's heap orders its timers: by when alone (TimerHandle.__lt__), asyncio's heap leaving
// the order of timers due at the same time to its shape; under the eager model (JavaScript's), those
// fire in the order they were set, as setTimeout's do, which their ids tell (a comparison rather than
// a field of every timer).
const byWhen: Less<TimerHandle> = (a, b) => a.when < b.when;
const byWhenThenSet: Less<TimerHandle> = (a, b) => a.when < b.when || (a.when === b.when && a.id < b.id);

// A FIFO queue with O(1) push and shift (collections.deque's role in CPython): a ring buffer that
// doubles when full and is reused pass after pass, so a queue of 10,000 callbacks a pass allocates
// nothing once it has grown (an array shifted from its head was copied as it grew and as it shrank).
class Deque<T> {
  private items: (T | undefined)[] = new Array(16);
  private head = 0;
  length = 0;
  push(item: T): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length++) & (this.items.length - 1)] = item;
  }
  shift(): T {
    const item = this.items[this.head] as T;
    this.items[this.head] = undefined; // no reference kept to what has run
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return item;
  }
  private grow(): void {
    const old = this.items;
    const items: (T | undefined)[] = new Array(old.length * 2);
    for (let i = 0; i < this.length; i++) items[i] = old[(this.head + i) & (old.length - 1)];
    this.items = items;
    this.head = 0;
  }
}

/** A task as the loop knows it: enough for asyncio.all_tasks(), and its repr for debug mode. */
export interface LoopTask {
  readonly id: number;
  readonly name: string;
  done(): boolean;
}

/** One event loop (one `run(...)`), on the session's clock. */
export class EventLoop {
  readonly id: number;
  readonly session: Session;
  /** The task whose step is running (asyncio.current_task()). */
  currentTask: LoopTask | null = null;
  /** Every task created on this loop (asyncio's _all_tasks, without the weak references). */
  readonly tasks = new Set<LoopTask>();
  /** Set when run() has finished with this loop (loop.close()): threads can no longer call back. */
  closed = false;
  /** loop.get_debug() / set_debug(): debug mode logs callbacks slower than slowCallbackDuration. */
  debug = false;
  /** loop.slow_callback_duration: seconds a callback may hold the loop, in debug mode, unlogged. */
  slowCallbackDuration = 0.1;
  private readonly ready = new Deque<Handle>();
  private scheduled: TimerHandle[] = [];
  private readonly timerLess: Less<TimerHandle>;
  private timerCancelledCount = 0;
  private stopping = false;
  /** Real promises (workers, fetches) the loop is waiting on, and those that settled. */
  private pendingIo = 0;
  private settledIo: (() => void)[] = [];
  private wakeOnIo: (() => void) | null = null;
  /** A thread wrote to the self-pipe (call_soon_threadsafe): the next select reports it readable. */
  private selfPipeWritten = false;

  constructor(session: Session) {
    this.session = session;
    this.id = session.newId();
    this.timerLess = session.eager ? byWhenThenSet : byWhen;
  }

  /** The loop's clock (loop.time()): the session's seconds, virtual or real. */
  time(): number {
    return this.session.now;
  }

  /** loop.call_soon: append a callback to the ready queue (to be called with `arg`, if given). */
  callSoon<A = undefined>(callback: (arg: A) => void, info: HandleInfo, arg?: A): Handle<A> {
    const task = this.taskNamed(info, arg);
    const handle = new Handle(this.session.newId(), callback, info, arg as A, task);
    this.ready.push(handle);
    if (info.threadsafe) this.selfPipeWritten = true;
    this.session.emitHandleQueued(handle.id, info.role ?? "callback", task ? task.id : info.task, info.label, task !== null);
    return handle;
  }

  /** loop.call_later: run a callback `delay` virtual seconds from now. */
  callLater<A = undefined>(delay: number, callback: (arg: A) => void, info: HandleInfo, arg?: A): TimerHandle<A> {
    return this.callAt(this.time() + delay, callback, info, arg);
  }

  /** loop.call_at: run a callback at virtual time `when`. */
  callAt<A = undefined>(when: number, callback: (arg: A) => void, info: HandleInfo, arg?: A): TimerHandle<A> {
    const task = this.taskNamed(info, arg);
    const timer = new TimerHandle(this.session.newId(), callback, info, arg as A, task, when, this);
    heappush(this.scheduled, timer, this.timerLess);
    this.session.emitTimerSet(timer.id, when, info.label, task ? task.id : info.task, task !== null);
    return timer;
  }

  // The task a handle's label names (HandleInfo.ofTask): a step's argument, else the current task.
  private taskNamed(info: HandleInfo, arg: unknown): LoopTask | null {
    if (!info.ofTask) return null;
    return info.role === "step" ? (arg as LoopTask) : this.currentTask;
  }

  /** BaseEventLoop._timer_handle_cancelled: count cancelled timers still in the heap. */
  timerHandleCancelled(timer: TimerHandle): void {
    if (!timer.scheduled) return;
    this.timerCancelledCount++;
    this.session.emit({ kind: "timer-cancelled", timer: timer.id });
  }

  /** Wait for a real promise: `onSettled` runs as a loop callback once it settles. */
  watchIo(promise: PromiseLike<unknown>, onSettled: (ok: boolean, value: unknown) => void, info: HandleInfo): void {
    this.pendingIo++;
    const settle = (ok: boolean, value: unknown) => {
      this.pendingIo--;
      this.settledIo.push(() => this.callSoon(() => onSettled(ok, value), info));
      this.wakeOnIo?.();
    };
    promise.then((value) => settle(true, value), (error) => settle(false, error));
  }

  /** loop.stop: finish the current pass, then return from runForever. */
  stop(): void {
    this.stopping = true;
  }

  /** loop.run_forever: run passes until stop() is called. */
  runForever(): MaybePromise<void> {
    if (this.session.runningLoop) throw new RuntimeError("Cannot run the event loop while another loop is running");
    this.session.runningLoop = this;
    return withCleanup(
      () => this.spin(),
      () => {
        this.stopping = false;
        this.session.runningLoop = null;
      },
    );
  }

  private spin(): MaybePromise<void> {
    for (;;) {
      const waiting = this.inPass(() => this.runOnce());
      if (waiting) return waiting.then(() => (this.stopping ? undefined : this.spin()));
      if (this.stopping) return;
    }
  }

  // One synchronous stretch of this loop: get_running_loop() and currentSession() find it meanwhile.
  private inPass<T>(stretch: () => T): T {
    const outer = running;
    running = this;
    try {
      return this.session.enter(stretch);
    } finally {
      running = outer;
    }
  }

  /** One pass of the loop (BaseEventLoop._run_once); returns a promise only when it must wait for real I/O. */
  runOnce(): Promise<void> | undefined {
    // 1. Drop cancelled timers: rebuild the heap when most are cancelled, else pop them off the top.
    const schedCount = this.scheduled.length;
    if (schedCount > MIN_SCHEDULED_TIMER_HANDLES && this.timerCancelledCount / schedCount > MIN_CANCELLED_TIMER_HANDLES_FRACTION) {
      const live = this.scheduled.filter((timer) => {
        if (timer.cancelled) timer.scheduled = false;
        return !timer.cancelled;
      });
      heapify(live, this.timerLess);
      this.scheduled = live;
      this.timerCancelledCount = 0;
    } else {
      while (this.scheduled.length && this.scheduled[0].cancelled) {
        this.timerCancelledCount--;
        heappop(this.scheduled, this.timerLess).scheduled = false;
      }
    }
    // 2. Threads, on the virtual clock: a job's happenings are known only once its worker has
    //    replied, so wait (for real) for every reply before deciding how far the clock may move.
    const replies = this.session.realTime ? undefined : this.session.agenda.replies();
    if (replies) return replies.then(() => this.inPass(() => this.runOnce()));
    // 3. How long the selector may wait: not at all if something is ready, else until the next timer
    //    or the next thing a thread does (its print, its end), whichever comes first.
    let timeout: number | null = null;
    if (this.ready.length || this.stopping) timeout = 0;
    else if (this.scheduled.length)
      timeout = Math.min(Math.max(0, this.scheduled[0].when - this.time()), MAXIMUM_SELECT_TIMEOUT);
    const threadTime = this.session.agenda.nextTime();
    if (threadTime !== undefined && timeout !== 0) timeout = Math.min(timeout ?? Infinity, Math.max(0, threadTime - this.time()));
    // 4. "select": real I/O (and, in real-time mode, timers) are waited for in real time; virtual time
    //    passes instantly.
    const realWait = this.session.realTime && timeout !== null && timeout > 0;
    if (timeout !== 0 && this.settledIo.length === 0 && (this.pendingIo > 0 || realWait)) {
      let alarm: ReturnType<typeof setTimeout> | undefined;
      return new Promise<void>((resolve) => {
        this.wakeOnIo = resolve;
        this.session.wakeLoop = resolve;
        if (realWait) alarm = setTimeout(resolve, timeout! * 1000);
      }).then(() =>
        this.inPass(() => {
          clearTimeout(alarm);
          this.wakeOnIo = null;
          this.session.wakeLoop = null;
          if (this.session.stopped) throw this.session.stopped;
          this.processIo();
          this.readSelfPipe();
          this.runReady();
        }),
      );
    }
    if (timeout === null && this.settledIo.length === 0)
      throw new Deadlock("every task is waiting, and no timer or I/O can wake any of them (CPython would hang here forever)");
    const ioSettled = this.settledIo.length > 0;
    if (ioSettled) this.processIo();
    if (!this.session.realTime) this.session.advanceTo(this.time() + (ioSettled ? 0 : (timeout ?? 0)));
    this.readSelfPipe();
    this.runReady();
    return undefined;
  }

  // BaseSelectorEventLoop._process_events: a readable self-pipe queues _read_from_self, which drains it.
  private readSelfPipe(): void {
    if (!this.selfPipeWritten) return;
    this.selfPipeWritten = false;
    this.callSoon(() => undefined, { label: "_read_from_self" });
  }

  private processIo(): void {
    const settled = this.settledIo;
    this.settledIo = [];
    for (const enqueue of settled) enqueue();
  }

  // 5. Move due timers to the ready queue, then run only what was ready when this pass began. Under
  //    the eager model (JavaScript's event loop), a timer is a macrotask: one at a time, and only once
  //    the queue (the microtasks: every continuation) is empty.
  private runReady(): void {
    const endTime = this.time() + CLOCK_RESOLUTION;
    const macrotasks = this.session.eager;
    while (this.scheduled.length && !(macrotasks && this.ready.length)) {
      if (this.scheduled[0].when >= endTime) break;
      const timer = heappop(this.scheduled, this.timerLess);
      timer.scheduled = false;
      this.ready.push(timer);
      this.session.emitTimerFired(timer.id, timer.id);
    }
    const ntodo = this.ready.length;
    for (let i = 0; i < ntodo; i++) {
      const handle = this.ready.shift();
      if (handle.cancelled) {
        this.session.emitHandleRun(handle.id, true);
        continue;
      }
      this.session.countStep();
      this.session.emitHandleRun(handle.id);
      // Debug mode times each callback on the loop's clock, as _run_once does (base_events.py:
      // `if self._debug: t0 = self.time(); handle._run(); dt = self.time() - t0; if dt >=
      // self.slow_callback_duration: logger.warning('Executing %s took %.3f seconds', ...)`). On the
      // virtual clock only a blocking call (blockingSleep, cpu) moves time inside a callback.
      const debug = this.debug;
      const t0 = debug ? this.time() : 0;
      try {
        handle.callback(handle.arg);
      } catch (error) {
        // Handle._run: an exception in a callback is logged, and the loop goes on.
        if (error instanceof LimitExceeded) throw error;
        this.session.write(`Exception in callback ${handle.label}\n${describeChain(error)}`, "stderr");
      }
      if (debug) {
        const dt = this.time() - t0;
        if (dt >= this.slowCallbackDuration) this.session.write(`Executing ${this.formatHandle(handle)} took ${pyFixed(dt, 3)} seconds`, "stderr");
      }
    }
  }

  // base_events._format_handle: a task's step (a bound method of the task) shows as the task's repr.
  private formatHandle(handle: Handle): string {
    return handle.info.role === "step" && handle.task ? String(handle.task) : String(handle);
  }
}
