// The task functions of Lib/asyncio/tasks.py and the loop's create_future, as a program calls them.
import { BARE_YIELD, Coroutine, currentSession, Future, getRunningLoop, pyRepr, RETURNED, Task, ValueError, type HandleInfo, type TimerHandle } from "../core/index.ts";
import type { WaitInfo } from "../trace/index.ts";
import { loopCreateTask, type TaskKwargs } from "./events.ts";

/** asyncio.create_task(coro, name=..., eager_start=...): schedule a coroutine to run soon, as a task. Under the eager
 * model (JavaScript's), the call already started its task: that task is the one. */
export function createTask<T>(coro: Coroutine<T> | Task<T>, options: TaskKwargs = {}): Task<T> {
  if (coro instanceof Task && currentSession().eager && options.name === undefined) return coro;
  return loopCreateTask(getRunningLoop(), coro as Coroutine<T>, options);
}

/** asyncio.all_tasks(): the running loop's tasks that are not done yet. */
export function allTasks(): Set<Task> {
  const loop = getRunningLoop();
  return new Set([...loop.tasks].filter((t): t is Task => t instanceof Task && !t.done()));
}

/** asyncio.isfuture(obj): whether obj is a Future (a Task is one). */
export function isfuture(obj: unknown): obj is Future {
  return obj instanceof Future;
}

/** asyncio.iscoroutine(obj): whether obj is a coroutine object (what calling an async function gives). */
export function iscoroutine(obj: unknown): obj is Coroutine {
  return obj instanceof Coroutine;
}

/** loop.create_future(): a pending future on the running loop. */
export function createFuture<T = unknown>(): Future<T> {
  return new Future<T>(getRunningLoop());
}

/** await asyncio.sleep(delay, result): suspend this task for `delay` seconds. */
export function sleep<T = undefined>(delay: number, result?: T): Coroutine<T | undefined> {
  if (typeof delay !== "number") throw new TypeError(`sleep() takes a number of seconds, got ${pyRepr(delay)}`);
  return new Sleep(delay, result);
}

/** The coroutine sleep() gives, with tasks.sleep's body written as steps rather than as a generator
 * (the hot path of any program that sleeps: resuming a generator costs several times a method call).
 * As in CPython:
 *     if delay <= 0: await __sleep0(); return result          (a bare yield)
 *     if math.isnan(delay): raise ValueError(...)
 *     h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
 *     try: return await future
 *     finally: h.cancel()
 * It is also what its future waits on, for the trace (the future's waitInfo): one object per sleep
 * rather than three (a coroutine, its steps, its WaitInfo). */
class Sleep<T> extends Coroutine<T | undefined> implements WaitInfo {
  private state: "start" | "yielded" | "waiting" | "done" = "start";
  /** Its timer, once it waits: the timer's argument is the future it waits on, whose waitInfo is this sleep. */
  private timer: TimerHandle | null = null;
  /** Its delay, with the trace's labels for it: one object for every sleep of that delay, where a
   * delay, a label and an until of its own (two of them boxed numbers) took 64 bytes per sleep. */
  private readonly delay: SleepDelay;
  readonly result: T | undefined;

  constructor(delay: number, result: T | undefined) {
    super(null, "sleep");
    this.delay = sleepDelayOf(delay);
    this.result = result;
  }

  // WaitInfo's what, label and until, as they are once it waits (its timer set).
  get what(): "sleep" {
    return "sleep";
  }
  get label(): string {
    return this.timer === null ? "" : this.delay.wait;
  }
  /** loop.time() + delay when it began to wait: its timer's when, but for a negative delay (the
   * eager model's), whose timer is due at once. */
  get until(): number | undefined {
    if (this.timer === null) return undefined;
    const delay = this.delay.delay;
    return delay < 0 ? this.timer.when + delay : this.timer.when;
  }

  protected override resumeBody(throwing: boolean, payload: unknown): unknown {
    if (throwing) {
      this.finish();
      throw payload;
    }
    switch (this.state) {
      case "start":
        return this.firstStep();
      case "yielded":
        this.state = "done";
        return this.returning(this.result);
      case "waiting":
        this.finish();
        return this.returning(payload);
      default:
        return this.returning(undefined);
    }
  }

  private firstStep(): unknown {
    this.state = "done"; // an exception below ends it, as it would end the generator
    const delay = this.delay.delay;
    const loop = getRunningLoop();
    // asyncio's sleep(0) is a bare yield; JavaScript's is a timer like any other (setTimeout).
    if (delay <= 0 && !loop.session.eager) {
      this.state = "yielded";
      return BARE_YIELD;
    }
    // tasks.sleep: a NaN is found when the coroutine runs, not when it is made.
    if (Number.isNaN(delay)) throw new ValueError("Invalid delay: NaN (not a number)");
    const future = new Future<T | undefined>(loop);
    future.waitInfo = this;
    const timerInfo = loop.currentTask instanceof Task ? this.delay.timer : { label: `${this.delay.wait} timer` };
    this.timer = loop.callLater(Math.max(0, delay), setResultUnlessCancelled, timerInfo, future);
    this.state = "waiting";
    return future;
  }

  private returning(value: unknown): typeof RETURNED {
    this.returned = value;
    return RETURNED;
  }

  // The `finally`: the timer is cancelled however the wait ends.
  private finish(): void {
    if (this.state === "waiting") this.timer!.cancel();
    this.state = "done";
  }
}

// A delay and the trace's labels for it, made once per delay: a program sleeps the same few delays
// many times, and a fresh string per event costs its making and its hashing when interned. What
// the sleep waits on ("sleep(0.5)"), and its timer's, which names the task that set it ("sleep(0.5)
// timer of Task-7", HandleInfo.ofTask): one HandleInfo for every task. (0 and -0 share one: both
// sleep alike.)
interface SleepDelay {
  delay: number;
  wait: string;
  timer: HandleInfo;
}
const sleepDelays = new Map<number, SleepDelay>();
function sleepDelayOf(delay: number): SleepDelay {
  let found = sleepDelays.get(delay);
  if (found === undefined) {
    if (sleepDelays.size > 1000) sleepDelays.clear();
    const wait = `sleep(${pyRepr(delay)})`;
    sleepDelays.set(delay, (found = { delay, wait, timer: Object.freeze({ label: `${wait} timer of`, ofTask: true }) }));
  }
  return found;
}

// futures._set_result_unless_cancelled(fut, result): the sleep's timer callback, called with the
// future, whose waitInfo, the sleep, holds the result (a handle has one argument).
function setResultUnlessCancelled<T>(future: Future<T | undefined>): void {
  if (!future.done()) future.setResult((future.waitInfo as Sleep<T>).result);
}
