// Timeouts and shielding (Lib/asyncio/timeouts.py and tasks.py, CPython 3.14): timeout(s) and
// timeoutAt(when) as `await using _ = timeout(s)`, waitFor(aw, s), shield(aw).
import {
  _getRunningLoop, AEXIT, CancelledError, Coroutine, currentTask, ENTER, Future, futureAddToAwaitedBy, futureDiscardFromAwaitedBy, getRunningLoop, makeAsyncDisposable, pyFloat, RuntimeError, TimeoutError,
  Task, type EventLoop, type Handle,
} from "../core/index.ts";
import { ensureFuture } from "./gather.ts";

type TimeoutState = "created" | "active" | "expiring" | "expired" | "finished";

// wait_for's ending when time ran out: the result if it came anyway, TimeoutError if it was cancelled.
function resultOrTimeout<T>(fut: Future<T>): T {
  try {
    return fut.result();
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error;
    // raise TimeoutError from exc
    const timedOut = new TimeoutError();
    timedOut.cause = error;
    throw timedOut;
  }
}

// tasks._release_waiter: wake whoever waits on `waiter`.
const releaseWaiter = (waiter: Future) => {
  if (!waiter.done()) waiter.setResult(undefined);
};

/** asyncio.Timeout: once entered (`await using _ = t`), cancels the task that entered it when its
 * deadline passes. Make one with timeout(s) or timeoutAt(when). */
export class Timeout {
  private state: TimeoutState = "created";
  private handler: Handle | null = null;
  private task: Task | null = null;
  private cancellingAtEntry = 0;
  private deadline: number | null;

  constructor(when: number | null) {
    this.deadline = when;
  }

  /** The deadline in loop time (virtual seconds), or null for none. */
  when(): number | null {
    return this.deadline;
  }

  /** Whether the deadline passed and the task was cancelled for it. */
  expired(): boolean {
    return this.state === "expiring" || this.state === "expired";
  }

  /** Move the deadline (null: no deadline). */
  reschedule(when: number | null): void {
    if (this.state !== "active") {
      if (this.state === "created") throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this.state} Timeout`);
    }
    this.deadline = when;
    this.handler?.cancel();
    if (when === null) {
      this.handler = null;
      return;
    }
    const loop = getRunningLoop();
    const task = this.task!;
    const info = { label: `timeout of ${task.name}`, task: task.id };
    this.handler = when <= loop.time() ? loop.callSoon(() => this.onTimeout(), info) : loop.callAt(when, () => this.onTimeout(), info);
  }

  /** Timeout.__aenter__, run by `await using _ = t`. */
  [ENTER](): void {
    if (this.state !== "created") throw new RuntimeError("Timeout has already been entered");
    const task = currentTask();
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this.state = "active";
    this.task = task;
    this.cancellingAtEntry = task.cancelling();
    this.reschedule(this.deadline);
  }

  [AEXIT](error: unknown, hasError: boolean): Coroutine<void> {
    const timeout = this;
    return new Coroutine(function* () {
      timeout.handler?.cancel();
      timeout.handler = null;
      if (timeout.state === "expiring") {
        timeout.state = "expired";
        if (timeout.task!.uncancel() <= timeout.cancellingAtEntry && hasError && error instanceof CancelledError) {
          // raise TimeoutError from exc_val
          const timedOut = new TimeoutError();
          timedOut.cause = error;
          throw timedOut;
        }
      } else if (timeout.state === "active") timeout.state = "finished";
    }, "Timeout.__aexit__");
  }

  private onTimeout(): void {
    this.task!.cancel();
    this.state = "expiring";
    this.handler = null;
  }

  /** Timeout.__repr__: the deadline, a float rounded to 3 digits, shows while active (when=None: none). */
  toString(): string {
    const when = this.deadline === null ? "None" : pyFloat(Math.round(this.deadline * 1000) / 1000);
    return `<Timeout [${this.state}]${this.state === "active" ? ` when=${when}` : ""}>`;
  }
}
makeAsyncDisposable(Timeout);

// tasks._cancel_and_wait: cancel `fut` and wait until it is really done.
function* cancelAndWait(fut: Future, loop: EventLoop): Generator<unknown, void, unknown> {
  const waiter = new Future(loop);
  waiter.waitInfo = { what: "future", label: "cancellation to finish" };
  const cb = () => releaseWaiter(waiter);
  fut.addDoneCallback(cb, { label: "cancelled: release the waiter" });
  try {
    fut.cancel();
    yield waiter;
  } finally {
    fut.removeDoneCallback(cb);
  }
}

/** asyncio.timeout(s): `await using _ = timeout(s)` cancels the block after s seconds, raising TimeoutError. */
export function timeout(delay: number | null): Timeout {
  const loop = getRunningLoop();
  return new Timeout(delay === null ? null : loop.time() + delay);
}

/** asyncio.timeout_at(when): timeout() with a deadline on the loop's clock (getRunningLoop().time()). */
export function timeoutAt(when: number | null): Timeout {
  return new Timeout(when);
}

/** asyncio.wait_for(aw, s) (3.12+): await aw inside timeout(s), in the calling task (a coroutine runs
 * inline, no task of its own); its result, or TimeoutError once aw is cancelled after s seconds. */
export function waitFor<T>(awaitable: Coroutine<T> | Future<T>, delay: number | null): Coroutine<T> {
  return new Coroutine(function* () {
    const loop = getRunningLoop();
    // tasks.wait_for's special case: with no time at all, aw never starts (it is cancelled at once).
    if (delay !== null && delay <= 0) {
      const fut = ensureFuture(awaitable, loop) as Future<T>;
      if (fut.done()) return fut.result();
      yield* cancelAndWait(fut, loop);
      return resultOrTimeout(fut);
    }
    // async with timeouts.timeout(timeout): return await fut
    const deadline = timeout(delay);
    deadline[ENTER]();
    let result: T | undefined;
    let error: unknown;
    let hasError = false;
    try {
      result = (yield awaitable) as T;
    } catch (raised) {
      [error, hasError] = [raised, true];
    }
    yield deadline[AEXIT](error, hasError);
    if (hasError) throw error;
    return result as T;
  }, "wait_for");
}

/** asyncio.shield(aw): cancelling the awaiter does not cancel aw. */
export function shield<T>(awaitable: Coroutine<T> | Future<T>): Future<T> {
  const inner = ensureFuture(awaitable) as Future<T>;
  if (inner.done()) return inner;
  const outer = new Future<T>(inner.loop);
  outer.waitInfo = { what: "future", label: `shield(${inner.waitInfo.label})` };
  const running = _getRunningLoop() === inner.loop ? inner.loop.currentTask : null;
  const curTask = running instanceof Task ? running : null;
  if (curTask) {
    futureAddToAwaitedBy(inner, curTask);
    inner.addDoneCallback(() => futureDiscardFromAwaitedBy(inner, curTask), { label: "shield: clear awaited_by" });
  }
  const innerDone = (f: Future<T>) => {
    if (outer.cancelled()) {
      if (!f.cancelled()) f.exception();
      return;
    }
    if (f.cancelled()) outer.cancel();
    else {
      const exc = f.exception();
      if (exc !== undefined) outer.setException(exc);
      else outer.setResult(f.result());
    }
  };
  inner.addDoneCallback(innerDone, { label: "shield: inner done" });
  outer.addDoneCallback(() => {
    if (!inner.done()) inner.removeDoneCallback(innerDone);
  }, { label: "shield: outer done" });
  return outer;
}
