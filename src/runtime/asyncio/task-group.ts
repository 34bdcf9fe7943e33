// asyncio.TaskGroup (Lib/asyncio/taskgroups.py): tasks created in the group are all
// awaited when the block exits; the first failure cancels the rest (and the body), and the
// failures come out together as an ExceptionGroup. `await using tg = new TaskGroup()` is
// `async with asyncio.TaskGroup() as tg:`; TaskGroup.run(async (tg) => ...) is the same, as a call.
import { AEXIT, CancelledError, Coroutine, currentTask, ENTER, ExceptionGroup, Future, futureAddToAwaitedBy, futureDiscardFromAwaitedBy, getRunningLoop, makeAsyncDisposable, RuntimeError, type Task, type EventLoop } from "../core/index.ts";
import { loopCreateTask, type TaskKwargs } from "./events.ts";

/** asyncio.TaskGroup: `await using tg = new TaskGroup()`, then tg.createTask(...). */
export class TaskGroup {
  private entered = false;
  private exiting = false;
  private aborting = false;
  private loop: EventLoop | null = null;
  private parentTask!: Task;
  private parentCancelRequested = false;
  /** Running tasks, in creation order (CPython keeps a set: its abort order is arbitrary). */
  private readonly tasks = new Set<Task>();
  private errors: unknown[] = [];
  private onCompletedFut: Future | null = null;

  /** TaskGroup.__aenter__, run by `await using tg = group`. */
  [ENTER](): void {
    if (this.entered) throw new RuntimeError(`TaskGroup ${this} has already been entered`);
    this.loop ??= getRunningLoop();
    const parent = currentTask();
    if (parent === null) throw new RuntimeError(`TaskGroup ${this} cannot determine the parent task`);
    this.parentTask = parent;
    this.entered = true;
  }

  /** TaskGroup.__repr__: <TaskGroup tasks=1 errors=1 cancelling>, as create_task's errors show it. */
  toString(): string {
    let info = this.tasks.size ? ` tasks=${this.tasks.size}` : "";
    if (this.errors.length) info += ` errors=${this.errors.length}`;
    if (this.aborting) info += " cancelling";
    else if (this.entered) info += " entered";
    return `<TaskGroup${info}>`;
  }

  /** Run `body(tg)` inside a new group: TaskGroup.run(async (tg) => { tg.createTask(...) }). */
  static run<T>(body: (tg: TaskGroup) => Coroutine<T>): Coroutine<T> {
    return new Coroutine(function* () {
      const group = new TaskGroup();
      group[ENTER]();
      let result: T | undefined;
      let error: unknown;
      let hasError = false;
      try {
        result = (yield body(group)) as T;
      } catch (raised) {
        [error, hasError] = [raised, true];
      }
      yield group[AEXIT](error, hasError);
      if (hasError) throw error;
      return result as T;
    }, "TaskGroup.run");
  }

  /** Create a task in the group (TaskGroup.create_task). */
  createTask<T>(coro: Coroutine<T>, options: TaskKwargs = {}): Task<T> {
    const refuse = (why: string) => {
      coro.close();
      return new RuntimeError(`TaskGroup ${this} ${why}`);
    };
    if (!this.entered) throw refuse("has not been entered");
    if (this.exiting && !this.tasks.size) throw refuse("is finished");
    if (this.aborting) throw refuse("is shutting down");
    const task = loopCreateTask(this.loop!, coro, options);
    futureAddToAwaitedBy(task, this.parentTask);
    // Always through the done callback, even for a task already done (an eager start): gh-128550.
    this.tasks.add(task);
    task.addDoneCallback((t) => this.onTaskDone(t as Task), { label: "TaskGroup: task done" });
    return task;
  }

  [AEXIT](error: unknown, hasError: boolean): Coroutine<void> {
    const group = this;
    return new Coroutine(function* () {
      group.exiting = true;
      let propagateCancellation: unknown = hasError && error instanceof CancelledError ? error : null;
      if (hasError && !group.aborting) group.abort();
      // A while loop: the wait can be cancelled again and again if the parent is being cancelled.
      while (group.tasks.size) {
        group.onCompletedFut ??= new Future(group.loop!);
        group.onCompletedFut.waitInfo = { what: "taskgroup", label: `TaskGroup (${group.tasks.size} tasks)` };
        try {
          yield group.onCompletedFut;
        } catch (raised) {
          if (!(raised instanceof CancelledError)) throw raised;
          if (!group.aborting) {
            propagateCancellation = raised;
            group.abort();
          }
        }
        group.onCompletedFut = null;
      }
      // Only now, once every task is done, take back the cancellation the group asked for (3.12+).
      if (group.parentCancelRequested && group.parentTask.uncancel() === 0) propagateCancellation = null;
      if (propagateCancellation && !group.errors.length) throw propagateCancellation;
      if (hasError && !(error instanceof CancelledError)) group.errors.push(error);
      if (group.errors.length) {
        // A parent being cancelled from outside the group: uncancel and cancel again, so its count stays.
        if (group.parentTask.cancelling()) {
          group.parentTask.uncancel();
          group.parentTask.cancel();
        }
        const errors = group.errors;
        group.errors = [];
        throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
      }
    }, "TaskGroup.__aexit__");
  }

  private abort(): void {
    this.aborting = true;
    for (const task of this.tasks) if (!task.done()) task.cancel();
  }

  private onTaskDone(task: Task): void {
    this.tasks.delete(task);
    futureDiscardFromAwaitedBy(task, this.parentTask);
    if (this.onCompletedFut && !this.tasks.size && !this.onCompletedFut.done()) this.onCompletedFut.setResult(true);
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === undefined) return;
    this.errors.push(exc);
    if (this.parentTask.done()) return;
    if (!this.aborting && !this.parentCancelRequested) {
      // Cancel the parent too, so the body stops at its current await; __aexit__ takes it back.
      this.abort();
      this.parentCancelRequested = true;
      this.parentTask.cancel();
    }
  }
}
makeAsyncDisposable(TaskGroup);
