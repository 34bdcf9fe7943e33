// The task functions of Lib/asyncio/tasks.py and the loop's create_future, as a program calls them.
import { BARE_YIELD, Coroutine, currentSession, Future, getRunningLoop, pyRepr, Task, ValueError, type HandleInfo, type TimerHandle } from "../core/index.ts";
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
  return new Coroutine(new SleepSteps(delay, result) as unknown as Generator<unknown, T | undefined, unknown>, "sleep");
}

/** tasks.sleep's body, step by step: the generator it would be, without a generator (the hot path of
 * any program that sleeps: resuming a generator costs several times a method call). As in CPython:
 *     if delay <= 0: await __sleep0(); return result          (a bare yield)
 *     if math.isnan(delay): raise ValueError(...)
 *     h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
 *     try: return await future
 *     finally: h.cancel() */
class SleepSteps<T> {
  /** It is its own IteratorResult: next() sets these and gives back itself, which the coroutine that
   * runs it (Coroutine.advance) reads at once; two objects less per sleep. */
  done = false;
  value: unknown = undefined;
  private state: "start" | "yielded" | "waiting" | "done" = "start";
  private timer: TimerHandle | null = null;
  future: Future<T> | null = null;
  private readonly delay: number;
  readonly result: T;
  constructor(delay: number, result: T) {
    this.delay = delay;
    this.result = result;
  }

  next(sent?: unknown): IteratorResult<unknown, T> {
    switch (this.state) {
      case "start":
        return this.start();
      case "yielded":
        this.state = "done";
        return this.returning(this.result);
      case "waiting":
        this.finish();
        return this.returning(sent);
      default:
        return this.returning(undefined);
    }
  }

  throw(error: unknown): never {
    this.finish();
    throw error;
  }

  return(value: T): IteratorResult<unknown, T> {
    this.finish();
    return { done: true, value };
  }

  private start(): IteratorResult<unknown, T> {
    this.state = "done"; // an exception below ends it, as it would end the generator
    const delay = this.delay;
    const loop = getRunningLoop();
    // asyncio's sleep(0) is a bare yield; JavaScript's is a timer like any other (setTimeout).
    if (delay <= 0 && !loop.session.eager) {
      this.state = "yielded";
      return this.yielding(BARE_YIELD);
    }
    // tasks.sleep: a NaN is found when the coroutine runs, not when it is made.
    if (Number.isNaN(delay)) throw new ValueError("Invalid delay: NaN (not a number)");
    const future = new Future<T>(loop);
    const label = sleepLabel(delay);
    future.waitInfo = { what: "sleep", label, until: loop.time() + delay };
    const task = loop.currentTask instanceof Task ? loop.currentTask : undefined;
    this.future = future;
    this.timer = loop.callLater(Math.max(0, delay), setResultUnlessCancelled, task ? timerInfo(task, label) : { label: `${label} timer` }, this);
    this.state = "waiting";
    return this.yielding(future);
  }

  private yielding(value: unknown): IteratorResult<unknown, T> {
    this.value = value;
    return this as IteratorResult<unknown, T>;
  }

  private returning(value: unknown): IteratorResult<unknown, T> {
    this.done = true;
    this.value = value;
    return this as IteratorResult<unknown, T>;
  }

  // The `finally`: the timer is cancelled however the wait ends.
  private finish(): void {
    if (this.state === "waiting") this.timer!.cancel();
    this.state = "done";
  }
}

// The trace's labels, made once per delay and per task: a program sleeps the same few delays
// many times, and a fresh string per event costs its making and its hashing when interned.
const sleepLabels = new Map<number, string>();
function sleepLabel(delay: number): string {
  let label = sleepLabels.get(delay);
  if (label === undefined) {
    if (sleepLabels.size > 1000) sleepLabels.clear();
    sleepLabels.set(delay, (label = `sleep(${pyRepr(delay)})`));
  }
  return label;
}
function timerInfo(task: Task, sleep: string): HandleInfo {
  let last = task.sleepTimer;
  if (last?.sleep !== sleep) task.sleepTimer = last = { sleep, info: { label: `${sleep} timer of ${task.name}`, task: task.id } };
  return last.info;
}

// futures._set_result_unless_cancelled(fut, result): the sleep's timer callback.
function setResultUnlessCancelled<T>(sleep: SleepSteps<T>): void {
  if (!sleep.future!.done()) sleep.future!.setResult(sleep.result);
}
