// The task functions of Lib/asyncio/tasks.py and the loop's create_future, as a program calls them.
import { BARE_YIELD, Coroutine, currentSession, Future, getRunningLoop, pyRepr, Task, ValueError } from "../core/index.ts";
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
  return new Coroutine(function* () {
    const loop = getRunningLoop();
    // asyncio's sleep(0) is a bare yield; JavaScript's is a timer like any other (setTimeout).
    if (delay <= 0 && !loop.session.eager) {
      yield BARE_YIELD;
      return result;
    }
    // tasks.sleep: a NaN is found when the coroutine runs, not when it is made.
    if (Number.isNaN(delay)) throw new ValueError("Invalid delay: NaN (not a number)");
    const future = new Future<T | undefined>(loop);
    future.waitInfo = { what: "sleep", label: `sleep(${pyRepr(delay)})`, until: loop.time() + delay };
    const task = loop.currentTask instanceof Task ? loop.currentTask : undefined;
    const timer = loop.callLater(Math.max(0, delay), () => !future.done() && future.setResult(result), {
      label: `sleep(${pyRepr(delay)}) timer${task ? ` of ${task.name}` : ""}`,
      task: task?.id,
    });
    try {
      return (yield future) as T | undefined;
    } finally {
      timer.cancel();
    }
  }, "sleep");
}
