// asyncio.Task (Lib/asyncio/tasks.py): a future that drives a coroutine. `step` sends into or
// throws into the coroutine and sorts what came back, as Task.__step does; every resumption goes
// through the loop's ready queue.
import { Future, FutureRare, futureAddToAwaitedBy, futureDiscardFromAwaitedBy } from "./future.ts";
import { Coroutine, RETURNED } from "./coroutine.ts";
import { CancelledError, LimitExceeded, RuntimeError, describeError } from "./errors.ts";
import { pyRepr } from "./python-format.ts";
import { _getRunningLoop, getRunningLoop, type EventLoop, type HandleInfo } from "./loop.ts";

const NO_ERROR = Symbol("no error");
/** What a bare yield (sleep(0)) waits on. */
const BARE_YIELD_WAIT = Object.freeze({ what: "yield", label: "sleep(0)" } as const);
/** A task's steps, labelled with its name ("wake Task-7"): one HandleInfo each serves every task. */
const START: HandleInfo = Object.freeze({ label: "start", role: "step", ofTask: true });
const RESUME: HandleInfo = Object.freeze({ label: "resume", role: "step", ofTask: true });
const WAKE: HandleInfo = Object.freeze({ label: "wake", role: "step", ofTask: true });

/** A task's rare fields: a future's, and its cancellation's, which few tasks see. */
class TaskRare extends FutureRare {
  mustCancel = false;
  numCancelsRequested = 0;
}

/** How a task is made (asyncio.Task's keyword arguments). */
export interface TaskOptions {
  /** The loop to run on; the running loop when not given. */
  loop?: EventLoop;
  /** The task's name; "Task-N" when not given. */
  name?: string;
  /** Made by run() itself (its shutdown steps): views leave such tasks out. */
  internal?: boolean;
  /** Run the first step at once, inside the caller (Python 3.12's eager_start; JavaScript's async calls). */
  eager?: boolean;
  /** The reader's line that made it, when the current site does not tell. */
  line?: number;
}

/** A coroutine scheduled on the loop; awaiting the task gives the coroutine's result. */
export class Task<T = unknown> extends Future<T> {
  readonly id: number;
  readonly name: string;
  readonly coro: Coroutine<T>;
  /** The future this task waits on (Task._fut_waiter). */
  private futWaiter: Future | null = null;
  /** Site where the task is suspended, for the resume event's line. */
  private waitSite = -1;
  // Its cancellation's fields (mustCancel, numCancelsRequested) are rare ones (TaskRare).
  declare protected rare: TaskRare | null;

  constructor(coro: Coroutine<T>, options: TaskOptions = {}) {
    const { name, internal = false, eager = false } = options;
    super(options.loop ?? getRunningLoop());
    const loop = this.loop;
    if (!(coro instanceof Coroutine)) throw new TypeError(`a coroutine was expected, got ${pyRepr(coro)}`);
    const session = loop.session;
    session.countTask();
    this.id = session.newId();
    // Task.__init__ (3.13+): only a task without a name takes the next number.
    this.name = name ?? `Task-${++session.taskNameCounter}`;
    this.coro = coro;
    // What a task awaiting this one waits on, for the trace: the task itself (its what, label and task, below).
    this.waitInfo = this;
    this.waitSite = coro.site;
    if (loop.debug && options.line !== undefined) this.createdLine = options.line;
    const parent = loop.currentTask instanceof Task ? loop.currentTask.id : undefined;
    session.emit({ kind: "task-created", task: this.id, name: this.name, coro: coro.name, line: options.line ?? session.currentLine(), parent, internal: internal || undefined });
    loop.tasks.add(this);
    if (eager) this.eagerStart();
    else loop.callSoon(Task.resume, START, this);
  }

  /** cancel() was asked while the task was not waiting: raise CancelledError at its next step (Task._must_cancel). */
  private get mustCancel(): boolean {
    return this.rare !== null && this.rare.mustCancel;
  }
  private set mustCancel(value: boolean) {
    if (value || this.rare) this.rareFields().mustCancel = value;
  }
  /** cancel() calls not yet matched by uncancel() (Task._num_cancels_requested). */
  private get numCancelsRequested(): number {
    return this.rare === null ? 0 : this.rare.numCancelsRequested;
  }
  private set numCancelsRequested(count: number) {
    if (count !== 0 || this.rare) this.rareFields().numCancelsRequested = count;
  }
  protected override rareFields(): TaskRare {
    return super.rareFields() as TaskRare;
  }
  protected override newRare(): TaskRare {
    return new TaskRare();
  }

  /** As a WaitInfo: a task awaiting this one waits on a task, named so, of this id. */
  get what(): "task" {
    return "task";
  }
  get label(): string {
    return this.name;
  }
  get task(): number {
    return this.id;
  }

  // Task.__eager_start: step now, as the current task, then give the caller back its task and site.
  private eagerStart(): void {
    const site = this.loop.session.site;
    this.step();
    this.loop.session.site = site;
  }

  /** Task.cancel: ask the task to raise CancelledError at its current await point. */
  override cancel(message?: string): boolean {
    this.logTraceback = false;
    if (this.done()) return false;
    this.numCancelsRequested++;
    if (this.futWaiter?.cancel(message)) return true;
    this.mustCancel = true;
    this.cancelMessage = message;
    return true;
  }

  /** Task.set_result: a task's result is its coroutine's, so this is refused. */
  override setResult(_value: T): never {
    throw new RuntimeError("Task does not support set_result operation");
  }

  /** Task.set_exception: refused, as set_result is. */
  override setException(_error: unknown): never {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  /** Task.get_coro: the coroutine the task drives. */
  getCoro(): Coroutine<T> {
    return this.coro;
  }

  /** Task.get_name */
  getName(): string {
    return this.name;
  }

  /** How many cancellation requests are pending (Task.cancelling). */
  cancelling(): number {
    return this.numCancelsRequested;
  }

  /** Take back one cancellation request, as TaskGroup and timeout do; returns how many remain.
   *  The last one taken back also drops a cancellation not yet delivered (Task.uncancel, 3.13+). */
  uncancel(): number {
    if (this.numCancelsRequested > 0) {
      this.numCancelsRequested--;
      if (this.numCancelsRequested === 0) this.mustCancel = false;
    }
    return this.numCancelsRequested;
  }

  override toString(): string {
    // A pending task asked to cancel shows as cancelling (base_tasks._task_repr_info).
    const state = this.state === "PENDING" ? (this.numCancelsRequested ? "cancelling" : "pending") : this.state === "CANCELLED" ? "cancelled" : "finished";
    // As CPython shows it: where a pending coroutine is, or where a finished one was defined.
    const session = this.loop.session;
    // A pending coroutine stands where its own (outermost) frame is, as cr_frame.f_lineno tells
    // coroutines._format_coroutine, not where the coroutine it awaits inline is.
    const outer = this.done() ? undefined : this.coro.frames(this.loop.currentTask === this)[0];
    const site = outer?.user ? outer.site : this.waitSite;
    const where = this.done() ? `done, defined at main.ts:${session.lineOf(this.coro.site) ?? "?"}` : `running at main.ts:${session.lineOf(site) ?? "?"}`;
    let text = `<Task ${state} name='${this.name}' coro=<${this.coro.name}() ${where}>`;
    // What it waits on (base_tasks._task_repr_info's wait_for=).
    if (this.futWaiter) text += ` wait_for=${this.futWaiter}`;
    if (this.state === "FINISHED")
      text += this.hasException ? ` exception=${pyRepr(this.outcome)}` : ` result=${pyRepr(this.outcome)}`;
    return text + this.createdAt() + ">";
  }

  protected override onDone(): void {
    const outcome = this.state === "CANCELLED" ? "cancelled" : this.hasException ? "exception" : "result";
    const value = outcome === "result" ? pyRepr(this.outcome) : outcome === "exception" ? describeError(this.outcome) : undefined;
    this.loop.session.emit({ kind: "task-done", task: this.id, outcome, value });
  }

  // Task.__step: run the coroutine until it waits on something or ends.
  private step(error: unknown = NO_ERROR): void {
    if (this.done()) throw new RuntimeError(`step(): already done: ${this}`);
    if (this.mustCancel) {
      if (!(error instanceof CancelledError)) error = this.makeCancelledError();
      this.mustCancel = false;
    }
    this.futWaiter = null;
    const loop = this.loop;
    const session = loop.session;
    // Null, except for an eager start, which runs inside the caller's step (_swap_current_task).
    const caller = loop.currentTask;
    loop.currentTask = this;
    // The task resumes where it suspended: until it passes another site, that is its line.
    session.site = this.waitSite;
    session.startStretch();
    const thrown = error === NO_ERROR ? undefined : describeError(error);
    session.emitTaskResumed(this.id, session.lineOf(this.waitSite), !this.coro.started, thrown);
    try {
      // coro.send(None) / coro.throw(exc), without a result object: the future it waits on, null, or RETURNED.
      const waitOn = error === NO_ERROR ? this.coro.advance(false, undefined) : this.coro.advance(true, error);
      this.waitSite = session.site;
      if (waitOn === RETURNED) {
        if (this.mustCancel) {
          this.mustCancel = false;
          super.cancel(this.cancelMessage);
        } else super.setResult(this.coro.returned as T);
      } else if (waitOn === null) {
        // A bare yield (sleep(0)) gives the loop one pass.
        session.emitTaskSuspended(this.id, session.lineOf(this.waitSite), BARE_YIELD_WAIT);
        loop.callSoon(Task.resume, RESUME, this);
      } else {
        if (waitOn === this) throw new RuntimeError(`Task cannot await on itself: ${this}`);
        session.emitTaskSuspended(this.id, session.lineOf(this.waitSite), waitOn.waitInfo);
        futureAddToAwaitedBy(waitOn, this);
        waitOn.addDoneCallback(Task.wake, WAKE, this);
        this.futWaiter = waitOn;
        if (this.mustCancel && waitOn.cancel(this.cancelMessage)) this.mustCancel = false;
      }
    } catch (raised) {
      if (raised instanceof LimitExceeded) throw raised;
      if (raised instanceof CancelledError) {
        this.cancelledExc = raised;
        super.cancel();
      } else super.setException(raised);
    } finally {
      loop.currentTask = caller;
    }
  }

  // Every task's handles call these, with the task as their one argument, as CPython's handle
  // calls a bound method (task.__step, task.__wakeup): a closure per task took ~150 bytes with its
  // context and the object that held it, ~1.2 MB of 10,000 waiting tasks. A closure made in step
  // would cost more: V8 then allocates a context for step at every call.
  private static resume(task: Task): void {
    task.step();
  }

  // The future it waits on is done: it is still its futWaiter, since nothing steps a waiting task.
  private static wake(task: Task): void {
    task.wakeup(task.futWaiter!);
  }

  // Task.__wakeup: the awaited future is done; resume with its result or raise its exception.
  private wakeup(future: Future): void {
    futureDiscardFromAwaitedBy(future, this);
    try {
      future.result();
    } catch (error) {
      this.step(error);
      return;
    }
    this.step();
  }
}

/** asyncio.current_task(): the task whose step runs now (null between steps); RuntimeError outside a loop. */
export function currentTask(): Task | null {
  const task = getRunningLoop().currentTask;
  return task instanceof Task ? task : null;
}

/** The id of the task running now, if any, for the trace (print and blocking calls also run outside loops). */
export function runningTaskId(): number | undefined {
  const task = _getRunningLoop()?.currentTask;
  return task instanceof Task ? task.id : undefined;
}
