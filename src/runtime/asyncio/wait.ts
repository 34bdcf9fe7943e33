// asyncio.wait and asyncio.as_completed (Lib/asyncio/tasks.py, CPython 3.14): wait for several
// futures at once, until the first is done, the first fails, or all are; or take them one by one in
// the order they finish.
import { Coroutine, currentTask, Future, Task, futureAddToAwaitedBy, futureDiscardFromAwaitedBy, getRunningLoop, TimeoutError, ValueError, type TimerHandle } from "../core/index.ts";
import { ensureFuture } from "./gather.ts";
import { coreOf, getEventLoop } from "./events.ts";
import { Queue } from "./queues.ts";

/** asyncio.FIRST_COMPLETED: wait() returns when any future is done. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** asyncio.FIRST_EXCEPTION: wait() returns when any future fails (or all are done). */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/** asyncio.ALL_COMPLETED: wait() returns when every future is done. */
export const ALL_COMPLETED = "ALL_COMPLETED";

type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Options of wait, named as in Python (return_when → returnWhen). */
export interface WaitOptions {
  timeout?: number | null;
  returnWhen?: ReturnWhen;
}

/** await wait(aws, { timeout, returnWhen }): `[done, pending]`, two Sets; never raises TimeoutError. */
export function wait<T>(fs: Iterable<Future<T>>, options: WaitOptions = {}): Coroutine<[Set<Future<T>>, Set<Future<T>>]> {
  const { timeout = null, returnWhen = ALL_COMPLETED } = options;
  if (fs instanceof Future || fs instanceof Coroutine) throw new TypeError(`expect a list of futures, not ${fs instanceof Future ? fs.constructor.name : "coroutine"}`);
  const set = new Set(fs);
  if (!set.size) throw new ValueError("Set of Tasks/Futures is empty.");
  if (![FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED].includes(returnWhen)) throw new ValueError(`Invalid return_when value: ${returnWhen}`);
  if ([...set].some((f) => f instanceof Coroutine)) throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
  return new Coroutine(function* () {
    return (yield waitInternal(set, timeout, returnWhen)) as [Set<Future<T>>, Set<Future<T>>];
  }, "wait");
}

// tasks._wait: one waiter future, released by the first completion that settles the matter.
function waitInternal<T>(fs: Set<Future<T>>, timeout: number | null, returnWhen: ReturnWhen): Coroutine<[Set<Future<T>>, Set<Future<T>>]> {
  return new Coroutine(function* () {
    return yield* waitSteps(fs, timeout, returnWhen);
  }, "_wait");
}

function* waitSteps<T>(fs: Set<Future<T>>, timeout: number | null, returnWhen: ReturnWhen): Generator<unknown, [Set<Future<T>>, Set<Future<T>>], unknown> {
  const loop = getRunningLoop();
  const waiter = new Future(loop);
  // For the trace: the tasks it waits for, by name (a few, then how many), as gather's label does.
  const names = [...fs].map((f) => f.waitInfo.label);
  const label = names.length <= 4 ? names.join(", ") : `${names.slice(0, 3).join(", ")}, … ${names.length} in all`;
  waiter.waitInfo = { what: "future", label: `wait(${label})`, tasks: [...fs].flatMap((f) => (f instanceof Task ? [f.id] : [])) };
  const release = () => !waiter.done() && waiter.setResult(undefined);
  let timeoutHandle: TimerHandle | null = null;
  if (timeout !== null) timeoutHandle = loop.callLater(timeout, release, { label: "wait: timeout" });
  let counter = fs.size;
  const curTask = currentTask();
  const onCompletion = (f: Future) => {
    counter--;
    if (counter <= 0 || returnWhen === FIRST_COMPLETED || (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== undefined)) {
      timeoutHandle?.cancel();
      release();
    }
    futureDiscardFromAwaitedBy(f, curTask);
  };
  for (const f of fs) {
    f.addDoneCallback(onCompletion, { label: "wait: future done" });
    futureAddToAwaitedBy(f, curTask);
  }
  try {
    yield waiter;
  } finally {
    timeoutHandle?.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<Future<T>>();
  const pending = new Set<Future<T>>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return [done, pending];
}

/** tasks._AsCompletedIterator: `for (const next of asCompleted(aws)) await next` gives results in
 * the order they come; `for await (const t of asCompleted(aws))` gives the futures themselves (3.13+). */
export class AsCompleted<T> implements Iterable<Coroutine<T>> {
  private readonly done = new Queue<Future<T> | null>();
  private readonly todo: Set<Future<T>>;
  private todoLeft: number;
  private timeoutHandle: TimerHandle | null = null;

  constructor(aws: Iterable<Future<T> | Coroutine<T>>, timeout: number | null) {
    // _AsCompletedIterator.__init__: events.get_event_loop().
    const loop = coreOf(getEventLoop());
    this.todo = new Set([...new Set(aws)].map((aw) => ensureFuture(aw, loop) as Future<T>));
    for (const f of this.todo) f.addDoneCallback(this.boundCompletion, { label: "as_completed: future done" });
    if (this.todo.size && timeout !== null) this.timeoutHandle = loop.callLater(timeout, () => this.handleTimeout(), { label: "as_completed: timeout" });
    this.todoLeft = this.todo.size;
  }

  [Symbol.iterator](): Iterator<Coroutine<T>> {
    return {
      next: () => {
        if (!this.todoLeft) return { done: true, value: undefined };
        this.todoLeft--;
        return { done: false, value: this.waitForOne(true) as Coroutine<T> };
      },
    };
  }

  [Symbol.asyncIterator](): { next(): Coroutine<IteratorResult<Future<T>>> } {
    return {
      next: () => {
        const self = this;
        return new Coroutine(function* () {
          if (!self.todoLeft) return { done: true, value: undefined };
          self.todoLeft--;
          return { done: false, value: (yield self.waitForOne(false)) as Future<T> };
        }, "__anext__");
      },
    };
  }

  private readonly boundCompletion = (f: Future) => this.handleCompletion(f as Future<T>);

  private handleTimeout(): void {
    for (const f of this.todo) {
      f.removeDoneCallback(this.boundCompletion);
      this.done.putNowait(null);
    }
    this.todo.clear();
  }

  private handleCompletion(f: Future<T>): void {
    if (!this.todo.size) return;
    this.todo.delete(f);
    this.done.putNowait(f);
    if (!this.todo.size) this.timeoutHandle?.cancel();
  }

  private waitForOne(resolve: boolean): Coroutine<T | Future<T>> {
    const done = this.done;
    return new Coroutine(function* () {
      const f = (yield done.get()) as Future<T> | null;
      if (f === null) throw new TimeoutError();
      return resolve ? f.result() : f;
    }, "_wait_for_one");
  }
}

/** asyncio.as_completed(aws, timeout=...): awaitables in the order they finish. */
export function asCompleted<T>(aws: Iterable<Future<T> | Coroutine<T>>, options: { timeout?: number | null } = {}): AsCompleted<T> {
  if (aws instanceof Future || aws instanceof Coroutine) throw new TypeError(`expects an iterable of awaitables, not ${aws instanceof Future ? aws.constructor.name : "coroutine"}`);
  return new AsCompleted(aws, options.timeout ?? null);
}
